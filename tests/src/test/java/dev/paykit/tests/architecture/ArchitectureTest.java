package dev.paykit.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the runtime: {@code dev.paykit.core} is what users touch, {@code
 * dev.paykit.core.internal} is the provider tier, and provider packages sit on top.
 * <ul>
 *   <li>no core type (public or internal) depends on a provider package;
 *   <li>no type users can reach (public types of {@code dev.paykit.core} and of the provider packages)
 *       exposes an internal type in a public or protected signature;
 *   <li>provider packages never depend on each other.
 * </ul>
 */
class ArchitectureTest {

  private static final String[] PROVIDERS = {"paypercut", "promptcash", "prune", "prunny", "ptapi"};

  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")       // the extensions' test-jar
            && !location.contains("/test-classes/"))
        .importPackages("dev.paykit.core", "dev.paykit.paypercut", "dev.paykit.promptcash", "dev.paykit.prune",
            "dev.paykit.prunny", "dev.paykit.ptapi");
  }

  @Test
  void theCoreNamesNoProvider() {
    noClasses().that().resideInAPackage("dev.paykit.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            Stream.of(PROVIDERS).map(p -> "dev.paykit." + p + "..").toArray(String[]::new))
        .check(runtime);
  }

  @Test
  void providersDoNotDependOnEachOther() {
    for (String p : PROVIDERS) {
      for (String other : PROVIDERS) {
        if (!p.equals(other)) {
          noClasses().that().resideInAPackage("dev.paykit." + p + "..")
              .should().dependOnClassesThat().resideInAPackage("dev.paykit." + other + "..")
              .check(runtime);
        }
      }
    }
  }

  @Test
  void usersApiTypesNeverExposeInternalOnes() {
    ArchRule rule = ArchRuleDefinition.classes()
        .that(userFacing())
        .should(exposeNoInternalType());
    rule.check(runtime);
  }

  private static DescribedPredicate<JavaClass> userFacing() {
    return DescribedPredicate.describe("public types users reach", c -> c.getModifiers().contains(JavaModifier.PUBLIC)
        && !c.getPackageName().startsWith("dev.paykit.core.internal")
        && !c.getPackageName().endsWith(".api") && !c.getPackageName().endsWith(".model")
        && !c.getPackageName().endsWith(".invoker"));
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no dev.paykit.core.internal type in a public or protected signature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (JavaMember m : type.getMembers()) {
          boolean visible = m.getModifiers().contains(JavaModifier.PUBLIC)
              || m.getModifiers().contains(JavaModifier.PROTECTED);
          if (!visible) {
            continue;
          }
          Stream<JavaClass> types = Stream.concat(
              m instanceof JavaMethod method ? Stream.of(method.getRawReturnType()) : Stream.empty(),
              m instanceof com.tngtech.archunit.core.domain.JavaCodeUnit unit
                  ? unit.getRawParameterTypes().stream()
                  : m instanceof com.tngtech.archunit.core.domain.JavaField field
                      ? Stream.of(field.getRawType()) : Stream.empty());
          types.filter(t -> t.getPackageName().startsWith("dev.paykit.core.internal"))
              .forEach(t -> events.add(SimpleConditionEvent.violated(type,
                  m.getFullName() + " exposes internal " + t.getName())));
        }
      }
    };
  }
}
