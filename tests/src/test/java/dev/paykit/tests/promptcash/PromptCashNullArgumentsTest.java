package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ValidationException;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.ShortUrlRequest;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.net.URI;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A null argument is a ValidationException naming it, before anything is sent; never a NullPointerException. */
@ExtendWith(ScriptedServerExtension.class)
class PromptCashNullArgumentsTest {

  private RawServer server;
  private PromptCashClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PromptCashClient.builder().publicToken("1-rawPub").secretToken("raw-secret-token-42")
        .baseUrl(server.baseUrl()).build();
  }

  private void assertRejected(ThrowingCallable call, String argument, String operation) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e.violations()).singleElement().satisfies(v -> {
        assertThat(v.field()).isEqualTo(argument);
        assertThat(v.rule()).isEqualTo("required");
      });
      assertThat(e.getMessage()).contains(argument).contains("not sent");
      assertThat(e.operationId()).contains(operation);
      assertThat(e.requestMayHaveBeenProcessed()).isFalse();
    });
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void createWithoutARequest() {
    assertRejected(() -> client.payments().create(null), "request", "createPayment");
  }

  @Test
  void verifyWithoutABody() {
    assertRejected(() -> client.callbacks().verify((String) null), "body", "verifyCallback");
    assertRejected(() -> client.callbacks().verify((byte[]) null), "body", "verifyCallback");
  }

  @Test
  void updateAShortUrlWithoutItsToken() {
    assertRejected(() -> client.shortUrls().update(null, ShortUrlRequest.free(URI.create("https://example.com"))),
        "token", "updateShortUrl");
  }

  @Test
  void readsWithoutTheirArgument() {
    assertRejected(() -> client.payments().get(null), "txId", "getPayment");
    assertRejected(() -> client.payments().list(null), "query", "getPayments");
  }
}
