package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtApiExpiredLoginException;
import dev.paykit.ptapi.PtApiFailedPreconditionException;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import dev.paykit.tests.support.WireLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session id that PT (or a proxy in front of it) echoes in plain text — in an error message, a text body,
 * a message about the session that just expired — is masked in the exception and in the wire log, as the
 * {@code sessionId} field already is by name.
 */
@ExtendWith(ScriptedServerExtension.class)
class PtApiSessionIdEchoTest {

  static final String SESSION_1 = "{\"sessionId\":\"S-echo-0001\",\"customerId\":\"100001\"}";
  static final String SESSION_2 = "{\"sessionId\":\"S-echo-0002\",\"customerId\":\"100001\"}";

  @RegisterExtension
  final WireLog wireLog = new WireLog("ptapi");

  private RawServer server;
  private PtApiClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PtApiClient.builder().baseUrl(server.baseUrl()).subscriptionKey("echo-key-1")
        .loginId("echo-user").password("echo-password-1").wireLogging(true)
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  @Test
  void anEchoedSessionIdIsMaskedInMessagesAndTheWireLog() {
    server.then(Reply.json(200, SESSION_1),
        Reply.json(400, "{\"code\":400004,\"message\":\"session S-echo-0001 cannot do this\"}"),
        Reply.full(400, "text/plain", "bad session S-echo-0001"),
        Reply.json(401, "{\"code\":401001,\"message\":\"session S-echo-0001 expired\"}"), Reply.json(200, SESSION_2),
        Reply.json(401, "{\"code\":401001,\"message\":\"sessions S-echo-0001, S-echo-0002 expired\"}"));

    assertThatThrownBy(() -> client.cards().duplicate("PK1"))
        .isInstanceOf(PtApiFailedPreconditionException.class)
        .hasMessageContaining("session [REDACTED] cannot do this").hasMessageNotContaining("S-echo");
    assertThatThrownBy(() -> client.cards().duplicate("PK1"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("bad session [REDACTED]").hasMessageNotContaining("S-echo");
    assertThatThrownBy(() -> client.hierarchy().programs("200001"))
        .isInstanceOf(PtApiExpiredLoginException.class)
        .hasMessageContaining("sessions [REDACTED], [REDACTED] expired").hasMessageNotContaining("S-echo");

    assertThat(server.requests()).extracting(RawServer.Request::path).containsExactly(
        "/_ah/api/userendpoint/v1/login", "/_ah/api/cardendpoint/v1/duplicateCard",
        "/_ah/api/cardendpoint/v1/duplicateCard", "/_ah/api/customerendpoint/v1/getCustomerProgramList",
        "/_ah/api/userendpoint/v1/login", "/_ah/api/customerendpoint/v1/getCustomerProgramList");
    assertThat(server.requests().get(5).bodyText()).contains("S-echo-0002"); // it did reach the wire
    assertThat(wireLog.text()).contains("session [REDACTED] cannot do this", "bad session [REDACTED]")
        .doesNotContain("S-echo", "echo-password-1", "echo-key-1");
  }
}
