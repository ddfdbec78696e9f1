package dev.paykit.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This Boot line's test class path (Spring's versions, the starter, the slice) has one copy of each clashing class. */
class ClassPathTest {

  private static List<URL> copies(String resource) throws Exception {
    return Collections.list(ClassPathTest.class.getClassLoader().getResources(resource));
  }

  @Test
  void oneFeignFormTheFeignProjects() throws Exception {
    assertThat(copies("feign/form/FormEncoder.class")).hasSize(1)
        .allSatisfy(u -> assertThat(u.toString()).contains("/io/github/openfeign/feign-form/"));
    assertThat(copies("feign/form/multipart/Output.class")).hasSize(1);
  }

  @Test
  void theSandboxBringsMockServerInOneJarWithItsDependenciesRelocated() throws Exception {
    assertThat(copies("org/mockserver/integration/ClientAndServer.class")).hasSize(1)
        .allSatisfy(u -> assertThat(u.toString()).contains("paykit-sandbox"));
    for (String shaded : new String[] {"org/apache/commons/lang3/Strings.class", "io/netty/util/Version.class",
        "org/bouncycastle/jce/provider/BouncyCastleProvider.class", "org/openjdk/nashorn/api/scripting/NashornScriptEngineFactory.class"}) {
      assertThat(copies("dev/paykit/sandbox/shaded/" + shaded)).as(shaded).hasSize(1);
      assertThat(copies(shaded)).as(shaded).noneSatisfy(u -> assertThat(u.toString()).contains("paykit-sandbox"));
    }
    assertThat(System.getProperty("java.class.path")).doesNotContain("/org/mock-server/");
  }
}
