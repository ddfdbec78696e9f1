package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.AuthenticationException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtApiGatewayKeyException;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only a 401 in the gateway's own shape ({@code {statusCode, message}}) is the subscription key's refusal that
 * moves the client to the secondary key. A 401 whose code the client cannot read (PT's error field names are
 * not published: an expired login under another name, an empty body, a proxy's page) is an
 * {@link AuthenticationException}, and the primary key stays in use: taking it for a key refusal would drop a
 * working key for good and never log in again.
 */
@ExtendWith(ScriptedServerExtension.class)
class PtApiUnreadable401Test {

  static final String SESSION = "{\"sessionId\":\"S-401-1\",\"customerId\":\"100001\"}";
  static final String BUSINESSES = "{\"customers\":[{\"customerId\":\"200001\",\"name\":\"Acme\"}]}";
  static final String HEADER = PtApiClient.DEFAULT_KEY_HEADER;

  private RawServer server;
  private PtApiClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PtApiClient.builder().baseUrl(server.baseUrl()).subscriptionKey("primary-key-1")
        .secondaryKey("secondary-key-2").loginId("u401").password("p401-password")
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  @Test
  void a401InAnUnknownShapeIsAnAuthenticationFailureAndThePrimaryKeyStays() {
    server.then(Reply.json(200, SESSION),
        Reply.json(401, "{\"status\":\"401001\",\"msg\":\"session expired\"}"),
        Reply.json(200, BUSINESSES));

    assertThatThrownBy(() -> client.hierarchy().businesses())
        .isInstanceOf(AuthenticationException.class).isNotInstanceOf(PtApiGatewayKeyException.class);
    assertThat(client.hierarchy().businesses().getCustomers()).hasSize(1);

    assertThat(server.requests()).extracting(r -> r.header(HEADER))
        .containsExactly("primary-key-1", "primary-key-1", "primary-key-1");
  }

  @Test
  void a401WithAnEmptyBodyIsNotAKeyRefusal() {
    server.then(Reply.json(200, SESSION), Reply.full(401, "text/plain", ""));

    assertThatThrownBy(() -> client.hierarchy().businesses())
        .isInstanceOf(AuthenticationException.class).isNotInstanceOf(PtApiGatewayKeyException.class);
    assertThat(server.requests()).extracting(r -> r.header(HEADER))
        .containsExactly("primary-key-1", "primary-key-1");
  }

  @Test
  void theGatewaysOwnRefusalStillMovesToTheSecondaryKey() {
    server.then(Reply.json(200, SESSION),
        Reply.json(401, "{\"statusCode\":401,\"message\":\"Access denied due to invalid subscription key.\"}"),
        Reply.json(200, BUSINESSES));

    assertThat(client.hierarchy().businesses().getCustomers()).hasSize(1);

    assertThat(server.requests()).extracting(r -> r.header(HEADER))
        .containsExactly("primary-key-1", "primary-key-1", "secondary-key-2");
  }
}
