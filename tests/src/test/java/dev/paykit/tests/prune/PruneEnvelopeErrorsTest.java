package dev.paykit.tests.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paykit.core.ApiException;
import dev.paykit.core.AuthenticationException;
import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.NotFoundException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.PermissionException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ServerException;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.prune.PruneClient;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prune's failure envelope {@code {status: false, message, code}} for every status its docs list (400,
 * 401, 403, 404, 500, 503), with that HTTP status and with HTTP 200 (Prune's examples send failures both
 * ways): the typed exception of the code, Prune's message and code, the answer's own HTTP status kept,
 * retried only where a read's failure may pass, and never the key in a message.
 */
@ExtendWith(ScriptedServerExtension.class)
class PruneEnvelopeErrorsTest {

  private static final String KEY = "sk_live_errors_0123456789";

  private RawServer server;
  private PruneClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PruneClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).random(() -> 0.0).build()).build();
  }

  static Stream<Arguments> documentedFailures() {
    return Stream.of(
        Arguments.of(400, "One or more fields are missing or invalid", InvalidRequestException.class, 1),
        Arguments.of(401, "Unauthorized", AuthenticationException.class, 1),
        Arguments.of(403, "Forbidden", PermissionException.class, 1),
        Arguments.of(404, "User account not found", NotFoundException.class, 1),
        Arguments.of(500, "Failed to validate GBP account", ServerException.class, 3),
        Arguments.of(503, "Service unavailable", ServerException.class, 3))
        .flatMap(a -> Stream.of(Arguments.of(a.get()[0], a.get()[0], a.get()[1], a.get()[2], a.get()[3]),
            Arguments.of(a.get()[0], 200, a.get()[1], a.get()[2], a.get()[3])));
  }

  @ParameterizedTest(name = "code {0} with HTTP {1}")
  @MethodSource("documentedFailures")
  void aFailureEnvelopeIsTheTypedExceptionOfItsCodeWhateverTheHttpStatus(int code, int http, String message,
      Class<? extends ApiException> type, int attempts) {
    server.otherwise(Reply.json(http, "{\"status\":false,\"message\":\"" + message + " (key " + KEY + ")\",\"code\":"
        + code + "}"));

    PaykitException e = assertThrows(PaykitException.class, () -> client.accounts().balance("acc-1"));

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.httpStatus()).isEqualTo(http);
    assertThat(e.providerCode()).contains(Integer.toString(code));
    assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).startsWith(message).doesNotContain(KEY));
    assertThat(e.getMessage()).doesNotContain(KEY);
    assertThat(e.provider()).isEqualTo("prune");
    assertThat(server.requests("/v1/accounts/acc-1/balance")).hasSize(attempts);
  }

  @Test
  void aFailureWithoutACodeIsTheExceptionOfItsHttpStatus() {
    server.then(Reply.json(404, "{\"status\":false,\"message\":\"Transaction not found\"}"));

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.transfers().status("tr-9"));

    assertThat(e.providerMessage()).contains("Transaction not found");
  }

  @Test
  void aSuccessStatusWithoutTheEnvelopesStatusIsNotAResult() {
    server.then(3, Reply.json(200, "{\"message\":\"Account balance fetched\",\"data\":12.00}"));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> client.accounts().balance("acc-1"));

    assertThat(e.getMessage()).contains("does not say whether the request succeeded");
  }

  @Test
  void aSuccessEnvelopeWithoutItsDataIsNotAResult() {
    server.then(3, Reply.json(200, "{\"status\":true,\"message\":\"Transaction status fetched\",\"code\":200}"));

    assertThrows(UnexpectedResponseException.class, () -> client.transfers().status("tr-1"));
  }

  @Test
  void anIbanThatDoesNotValidateIsPrunesNotFoundAndIsAskedOnce() {
    server.then(Reply.json(200, "{\"status\":false,\"message\":\"Iban details validation failed\",\"code\":404}"));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.accounts().validateIban("DE89370400440532013000", "COBADEFFXXX"));

    assertThat(e.providerMessage()).contains("Iban details validation failed");
    assertThat(server.requests()).hasSize(1);
  }
}
