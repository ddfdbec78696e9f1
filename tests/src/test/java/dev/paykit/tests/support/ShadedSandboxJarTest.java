package dev.paykit.tests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import dev.paykit.sandbox.PaykitSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpTemplate;
import org.mockserver.model.HttpTemplate.TemplateType;

/**
 * This module runs against the sandbox's shaded jar (MockServer's dependencies relocated under
 * {@code dev.paykit.sandbox.shaded}): MockServer's three template engines still work through
 * {@code mockServer()} (Velocity is the one whose relocation broke it: its default properties name its
 * classes), and no unrelocated copy of the shaded libraries is on the class path.
 */
@SandboxTest
class ShadedSandboxJarTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static HttpResponse<String> get(PaykitSandbox sandbox, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void mockServersTemplateEnginesWorkFromTheShadedJar(PaykitSandbox sandbox) throws Exception {
    sandbox.mockServer().when(request().withPath("/shaded-check/velocity")).respond(HttpTemplate.template(
        TemplateType.VELOCITY, "{ \"statusCode\": 200, \"body\": \"velocity $!request.path\" }"));
    sandbox.mockServer().when(request().withPath("/shaded-check/javascript")).respond(HttpTemplate.template(
        TemplateType.JAVASCRIPT, "return { statusCode: 200, body: 'javascript ' + request.path };"));
    sandbox.mockServer().when(request().withPath("/shaded-check/mustache")).respond(HttpTemplate.template(
        TemplateType.MUSTACHE, "{ \"statusCode\": 200, \"body\": \"mustache {{ request.path }}\" }"));

    for (String engine : new String[] {"velocity", "javascript", "mustache"}) {
      HttpResponse<String> answer = get(sandbox, "/shaded-check/" + engine);
      assertThat(answer.statusCode()).as(engine).isEqualTo(200);
      assertThat(answer.body()).as(engine).isEqualTo(engine + " /shaded-check/" + engine);
    }
  }

  @Test
  void mockServerComesFromTheSandboxJarWithItsDependenciesRelocated() throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(loader.getResource("org/mockserver/integration/ClientAndServer.class").toString())
        .contains("paykit-sandbox");
    assertThat(loader.getResource("dev/paykit/sandbox/shaded/io/netty/util/Version.class")).isNotNull();
    assertThat(loader.getResource("dev/paykit/sandbox/shaded/org/apache/commons/lang3/Strings.class")).isNotNull();
    for (String unrelocated : new String[] {"io/netty/util/Version.class", "org/apache/commons/lang3/Strings.class"}) {
      assertThat(java.util.Collections.list(loader.getResources(unrelocated))).as(unrelocated)
          .noneSatisfy(u -> assertThat(u.toString()).contains("paykit-sandbox"));
    }
    assertThat(System.getProperty("java.class.path")).doesNotContain("/org/mock-server/");
  }

  /**
   * The shaded jar registers no javax.script engine: its Nashorn answered {@code getEngineByName("js")} in any
   * application test that had the sandbox on its class path (and Velocity's engine was listed too), though
   * MockServer's JavaScript templates (above) load Nashorn by class.
   */
  @Test
  void theShadedJarRegistersNoScriptEngine() throws Exception {
    javax.script.ScriptEngineManager engines = new javax.script.ScriptEngineManager(getClass().getClassLoader());
    assertThat(engines.getEngineFactories()).noneSatisfy(f -> assertThat(f.getClass().getName())
        .satisfiesAnyOf(n -> assertThat(n).startsWith("dev.paykit.sandbox.shaded."),
            n -> assertThat(n).startsWith("org.apache.velocity.")));
    assertThat(java.util.Collections.list(getClass().getClassLoader().getResources(
        "META-INF/services/javax.script.ScriptEngineFactory")))
        .noneSatisfy(u -> assertThat(u.toString()).contains("paykit-sandbox"));
  }
}
