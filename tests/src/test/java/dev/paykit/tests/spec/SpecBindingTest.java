package dev.paykit.tests.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paykit.core.internal.OperationBinding;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.Contract;
import feign.MethodMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated interfaces and the spec agree: every method of every generated interface binds to
 * exactly one operation of its provider's spec (so none can bypass validation, authentication and
 * retries), every operation has a method, and the spec the runtime loads from the jar (JSON, converted
 * at build time) is the hand-written YAML, read once per JVM.
 */
class SpecBindingTest {

  /**
   * Every provider with a spec under {@code specs/}, with the generated interfaces of its
   * {@code dev.paykit.<provider>.api} package: a new provider joins these tests by existing.
   */
  static Stream<Arguments> providers() throws IOException {
    java.nio.file.Path specs = java.nio.file.Path.of("..", "specs");
    List<String> names;
    try (Stream<java.nio.file.Path> dirs = java.nio.file.Files.list(specs)) {
      names = dirs.filter(d -> java.nio.file.Files.exists(d.resolve("openapi.yaml")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
    assertThat(names).as("providers with a spec").isNotEmpty();
    return names.stream().map(provider -> {
      List<String> apis = new com.tngtech.archunit.core.importer.ClassFileImporter()
          .importPackages("dev.paykit." + provider + ".api").stream()
          .filter(c -> c.isInterface() && c.getPackageName().equals("dev.paykit." + provider + ".api")
              && c.getSimpleName().endsWith("Api") && !c.isNestedClass())
          .map(com.tngtech.archunit.core.domain.JavaClass::getSimpleName).sorted().toList();
      assertThat(apis).as("generated interfaces of " + provider).isNotEmpty();
      return Arguments.of(provider, apis);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void everyGeneratedMethodBindsToOneOperationAndEveryOperationToAMethod(String provider, List<String> apis)
      throws ClassNotFoundException {
    ApiSpec spec = ApiSpec.load(provider);
    Set<String> bound = new TreeSet<>();
    for (String api : apis) {
      Class<?> type = Class.forName("dev.paykit." + provider + ".api." + api);
      for (MethodMetadata md : new Contract.Default().parseAndValidateMetadata(type)) {
        OperationBinding binding = OperationBinding.bind(spec, md).orElse(null);
        assertThat(binding).as(md.configKey() + " binds to an operation of the spec").isNotNull();
        bound.add(binding.operation().operationId());
      }
    }
    Set<String> operations = spec.operations().stream().map(OperationSpec::operationId)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(bound).as("operations with a generated method").isEqualTo(operations);
  }

  /**
   * Values the SDK derives (timestamps, public tokens, signatures, scopes: {@code x-paykit-derived}) are
   * never in a signature users call: the generator reads a view of the spec without them. Every derived
   * value the spec declares is checked against at least one generated method; a provider that derives
   * nothing (Prune: a Bearer key and no signature) declares none, and then none is checked.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void noGeneratedSignatureTakesADerivedValue(String provider, List<String> apis) throws ClassNotFoundException {
    ApiSpec spec = ApiSpec.load(provider);
    Set<String> declared = new TreeSet<>();
    for (OperationSpec op : spec.operations()) {
      op.parameters().stream().filter(p -> p.isDerived()).forEach(p -> declared.add(op.operationId() + " " + p.name()));
      op.formFields().stream().filter(f -> f.isDerived()).forEach(f -> declared.add(op.operationId() + " " + f.name()));
    }
    Set<String> checked = new TreeSet<>();
    for (String api : apis) {
      Class<?> type = Class.forName("dev.paykit." + provider + ".api." + api);
      for (MethodMetadata md : new Contract.Default().parseAndValidateMetadata(type)) {
        OperationSpec op = OperationBinding.bind(spec, md).orElseThrow().operation();
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        md.indexToName().values().forEach(names::addAll);
        md.template().headers().keySet().forEach(names::add);
        for (var p : op.parameters()) {
          if (p.isDerived()) {
            checked.add(op.operationId() + " " + p.name());
            assertThat(names).as(md.configKey() + " takes derived " + p.name()).doesNotContain(p.name());
          }
        }
        for (var f : op.formFields()) {
          if (f.isDerived()) {
            checked.add(op.operationId() + " " + f.name());
            assertThat(names).as(md.configKey() + " takes derived form field " + f.name()).doesNotContain(f.name());
          }
        }
      }
    }
    assertThat(checked).as("derived values checked against a generated method").isEqualTo(declared);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void theShippedSpecIsTheHandWrittenOneParsedOncePerJvm(String provider, List<String> apis) throws IOException {
    ApiSpec shipped = ApiSpec.load(provider);
    assertThat(ApiSpec.load(provider)).isSameAs(shipped);
    assertThat(ApiSpec.class.getClassLoader().getResource("dev/paykit/specs/" + provider + "/openapi.json"))
        .as("the jar carries the JSON spec").isNotNull();
    JsonNode yaml = new ObjectMapper(new YAMLFactory())
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(Files.newInputStream(Path.of("..", "specs", provider, "openapi.yaml")));
    assertThat(shipped.root()).isEqualTo(yaml);
  }
}
