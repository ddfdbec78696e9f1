package dev.paykit.tests.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * build-support/ReleaseCheck.java, run as the build runs it (Java's single-file launcher), over a small
 * checkout made here: a root pom and one published jar module "lib" with its main, sources and javadoc
 * jars. What a broken artifact prints, and that it exits 1 with every problem listed (no stack trace).
 */
class ReleaseCheckTest {

  private static final Path RELEASE_CHECK = Path.of("..", "build-support", "ReleaseCheck.java").toAbsolutePath();
  private static final String METADATA = "<url>https://example.org/lib</url>"
      + "<licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>"
      + "</license></licenses><scm><url>https://example.org/lib</url></scm>"
      + "<developers><developer><id>d</id></developer></developers>";

  @TempDir Path root;
  Path target;

  record Result(int exit, String out, String err) {}

  @BeforeEach
  void completeCheckout() throws IOException {
    Files.writeString(root.resolve("pom.xml"), "<project><groupId>g</groupId><artifactId>root</artifactId>"
        + "<version>1</version><packaging>pom</packaging>" + METADATA + "<modules><module>lib</module></modules>"
        + "</project>");
    Path lib = Files.createDirectories(root.resolve("lib"));
    Files.writeString(lib.resolve("pom.xml"), "<project><parent><groupId>g</groupId><artifactId>root</artifactId>"
        + "<version>1</version></parent><artifactId>lib</artifactId></project>");
    target = Files.createDirectories(lib.resolve("target"));
    jar(target.resolve("lib-1.jar"), "dev.example.lib", "LICENSE", "Apache License\nVersion 2.0\n", "NOTICE", "n",
        "dev/example/Lib.class", "x");
    jar(target.resolve("lib-1-sources.jar"), null, "dev/example/Lib.java", "class Lib {}");
    jar(target.resolve("lib-1-javadoc.jar"), null, "index.html", "<html></html>");
  }

  @Test
  void aCompleteCheckoutPasses() throws Exception {
    Result r = run();

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("release check: 2 published artifacts complete (root, lib)\n");
    assertThat(r.exit()).isZero();
  }

  @Test
  void aMissingJavadocJarAndAJarWithoutModuleNameFail() throws Exception {
    Files.delete(target.resolve("lib-1-javadoc.jar"));
    jar(target.resolve("lib-1.jar"), null, "META-INF/LICENSE", "Apache License\nVersion 2.0\n", "META-INF/NOTICE", "n",
        "dev/example/Lib.class", "x");

    Result r = run();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("release check FAILED (2 problems):\n"
        + "  - lib: no Automatic-Module-Name in lib/target/lib-1.jar\n"
        + "  - lib: javadoc jar lib/target/lib-1-javadoc.jar missing\n");
  }

  @Test
  void aJarThatCannotBeReadIsAProblemNotACrash() throws Exception {
    Files.writeString(target.resolve("lib-1.jar"), "not a zip");
    Files.writeString(target.resolve("lib-1-javadoc.jar"), "not a zip");
    Files.delete(target.resolve("lib-1-sources.jar"));

    Result r = run();

    // every problem is listed, each unreadable jar once, after the whole checkout was looked at
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("release check FAILED (3 problems):\n"
        + "  - lib/target/lib-1-javadoc.jar: not a readable jar\n"
        + "  - lib/target/lib-1.jar: not a readable jar\n"
        + "  - lib: sources jar lib/target/lib-1-sources.jar missing\n");
  }

  @Test
  void jarsLeftByAnEarlierLayoutSayHowToGetRidOfThem() throws Exception {
    Files.copy(target.resolve("lib-1.jar"), target.resolve("lib-1-tests.jar"));

    Result r = run();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("release check FAILED (1 problems):\n"
        + "  - lib: lib/target/lib-1-tests.jar exists; test classes are not published"
        + " (left by an earlier build? ./mvnw clean removes it)\n");
  }

  @Test
  void theBomListsEveryPublishedJarAndNothingUnpublished() throws Exception {
    withBomAndDemo("demo");

    Result r = run();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("release check FAILED (2 problems):\n"
        + "  - lib-bom: does not list the published lib (add it to its dependencyManagement)\n"
        + "  - lib-bom: lists demo, which is not published (paykit.publish.skip)\n");
  }

  @Test
  void aBomThatListsThePublishedJarPasses() throws Exception {
    withBomAndDemo("lib");

    Result r = run();

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("release check: 3 published artifacts complete (root, lib, lib-bom)\n");
    assertThat(r.exit()).isZero();
  }

  /** Adds a BOM module (listing the given artifactIds) and an unpublished demo module to the checkout. */
  private void withBomAndDemo(String... listed) throws IOException {
    Files.writeString(root.resolve("pom.xml"), "<project><groupId>g</groupId><artifactId>root</artifactId>"
        + "<version>1</version><packaging>pom</packaging>" + METADATA
        + "<modules><module>lib</module><module>bom</module><module>demo</module></modules></project>");
    StringBuilder managed = new StringBuilder();
    for (String a : listed) {
      managed.append("<dependency><groupId>g</groupId><artifactId>").append(a)
          .append("</artifactId><version>1</version></dependency>");
    }
    Files.writeString(Files.createDirectories(root.resolve("bom")).resolve("pom.xml"), "<project><parent>"
        + "<groupId>g</groupId><artifactId>root</artifactId><version>1</version></parent><artifactId>lib-bom</artifactId>"
        + "<packaging>pom</packaging><dependencyManagement><dependencies>" + managed
        + "</dependencies></dependencyManagement></project>");
    Files.writeString(Files.createDirectories(root.resolve("demo")).resolve("pom.xml"), "<project><parent>"
        + "<groupId>g</groupId><artifactId>root</artifactId><version>1</version></parent><artifactId>demo</artifactId>"
        + "<properties><paykit.publish.skip>true</paykit.publish.skip></properties></project>");
  }

  /** A jar with the given entries (name, text, ...); META-INF/ is prefixed to LICENSE and NOTICE. */
  private static void jar(Path file, String moduleName, String... entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (moduleName != null) {
      manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), moduleName);
    }
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
      for (int i = 0; i < entries.length; i += 2) {
        String name = entries[i].equals("LICENSE") || entries[i].equals("NOTICE") ? "META-INF/" + entries[i] : entries[i];
        jar.putNextEntry(new JarEntry(name));
        jar.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
  }

  private Result run() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    Process p = new ProcessBuilder(java.toString(), RELEASE_CHECK.toString(), root.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("release check finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
