package dev.paykit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test application's class path (Spring's managed versions) has one copy of each clashing class. */
class ClassPathTest {

  private static List<URL> copies(String resource) throws Exception {
    return Collections.list(ClassPathTest.class.getClassLoader().getResources(resource));
  }

  @Test
  void oneFeignFormOnly() throws Exception {
    assertThat(copies("feign/form/FormEncoder.class")).hasSize(1)
        .allSatisfy(u -> assertThat(u.toString()).contains("/io/github/openfeign/feign-form/"));
    assertThat(copies("feign/form/multipart/Output.class")).hasSize(1);
    assertThat(copies("feign/form/spring/SpringFormEncoder.class")).hasSize(1);
  }

  @Test
  void theSandboxIsOneJarWhoseDependenciesCannotClash() throws Exception {
    // MockServer 6.1.0 needs org.apache.commons.lang3.Strings (3.18); Boot 3.5.7 manages 3.17.0, which stays the
    // application's: the sandbox's own commons-lang3 (and Netty, BouncyCastle...) is relocated inside its jar.
    // Spring Cloud brings its own BouncyCastle (1.80): it stays the only unrelocated one.
    assertThat(copies("org/mockserver/integration/ClientAndServer.class")).hasSize(1)
        .allSatisfy(u -> assertThat(u.toString()).contains("paykit-sandbox"));
    for (String shaded : new String[] {"org/apache/commons/lang3/Strings.class", "io/netty/util/Version.class",
        "org/bouncycastle/jce/provider/BouncyCastleProvider.class"}) {
      assertThat(copies("dev/paykit/sandbox/shaded/" + shaded)).as(shaded).hasSize(1)
          .allSatisfy(u -> assertThat(u.toString()).contains("paykit-sandbox"));
      assertThat(copies(shaded)).as(shaded).noneSatisfy(u -> assertThat(u.toString()).contains("paykit-sandbox"));
    }
    assertThat(copies("org/apache/commons/lang3/StringUtils.class")).allSatisfy(u ->
        assertThat(u.toString()).contains("/org/apache/commons/commons-lang3/3.17.0/"));
    assertThat(copies("io/netty/util/Version.class")).isEmpty();
    assertThat(System.getProperty("java.class.path")).contains("paykit-sandbox").doesNotContain("/org/mock-server/");
  }
}
