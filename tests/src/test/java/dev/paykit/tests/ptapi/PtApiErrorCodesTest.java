package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paykit.core.ApiException;
import dev.paykit.core.AuthenticationException;
import dev.paykit.core.DeclinedException;
import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.PtApiAccountCreationException;
import dev.paykit.ptapi.PtApiAccountFraudException;
import dev.paykit.ptapi.PtApiCardholderNotActiveException;
import dev.paykit.ptapi.PtApiChargedOffException;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtApiExpiredLoginException;
import dev.paykit.ptapi.PtApiFailedPreconditionException;
import dev.paykit.ptapi.PtApiFailure;
import dev.paykit.ptapi.PtApiInvalidHeaderException;
import dev.paykit.ptapi.PtApiInvalidJsonException;
import dev.paykit.ptapi.PtApiInvalidLoginException;
import dev.paykit.ptapi.PtApiInvalidQueryException;
import dev.paykit.ptapi.PtApiOutOfRangeException;
import dev.paykit.ptapi.model.CardStatus;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented PT error code (wiki error table: 400001-400005, 401001-401002, 402001-402004), answered
 * with its documented status, message and description, is its own typed exception carrying the code (as
 * {@link PtApiFailure#ptCode()} and the provider code), the message and the description, under the core's
 * exception for its kind. 401001 is answered twice: the client renews the session once and repeats the
 * (repeatable) call, then the second expiry reaches the caller.
 */
@ExtendWith(ScriptedServerExtension.class)
class PtApiErrorCodesTest {

  static final String SESSION = "{\"sessionId\":\"S-err-1\",\"customerId\":\"100001\"}";

  record Code(int code, int status, String message, String description, Class<? extends PaykitException> type,
      Class<? extends PaykitException> kind) {
    @Override
    public String toString() {
      return code + " " + message;
    }
  }

  static Stream<Code> documentedCodes() {
    return Stream.of(
        new Code(400001, 400, "invalid query parameters", "Invalid HTTP query parameters were used in the request",
            PtApiInvalidQueryException.class, InvalidRequestException.class),
        new Code(400002, 400, "invalid header parameters", "Invalid HTTP header parameters were used in the request",
            PtApiInvalidHeaderException.class, InvalidRequestException.class),
        new Code(400003, 400, "invalid JSON parameters", "Invalid JSON parameters were used in the request",
            PtApiInvalidJsonException.class, InvalidRequestException.class),
        new Code(400004, 400, "failed precondition", "Request cannot be executed in the current system state",
            PtApiFailedPreconditionException.class, InvalidRequestException.class),
        new Code(400005, 400, "out of range", "Client specified an invalid range for the request parameter",
            PtApiOutOfRangeException.class, InvalidRequestException.class),
        new Code(401001, 401, "expired login credentials",
            "API credentials have expired and new credentials must be generated",
            PtApiExpiredLoginException.class, AuthenticationException.class),
        new Code(401002, 401, "invalid login credentials",
            "The provided credentials don't match a provisioned credentials",
            PtApiInvalidLoginException.class, AuthenticationException.class),
        new Code(402001, 402, "account creation error", "A PT system error occurred when creating the account",
            PtApiAccountCreationException.class, ApiException.class),
        new Code(402002, 402, "account inactive due to fraud",
            "The account has been deactivated due to potentially fraudulent activity",
            PtApiAccountFraudException.class, DeclinedException.class),
        new Code(402003, 402, "account is charged off", "The Account has been closed due to inactivity",
            PtApiChargedOffException.class, DeclinedException.class),
        new Code(402004, 402, "cardholder not active", "The cardholder is not active",
            PtApiCardholderNotActiveException.class, DeclinedException.class));
  }

  private RawServer server;
  private PtApiClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PtApiClient.builder().baseUrl(server.baseUrl()).subscriptionKey("err-key-1")
        .loginId("err-user").password("err-password-1")
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedCodes")
  void eachDocumentedCodeIsItsTypedExceptionWithCodeAndMessage(Code c) {
    Reply error = Reply.json(c.status(), "{\"code\":" + c.code() + ",\"message\":\"" + c.message()
        + "\",\"description\":\"" + c.description() + "\"}");
    if (c.code() == 401001) {
      server.then(Reply.json(200, SESSION), error, Reply.json(200, SESSION.replace("S-err-1", "S-err-2")), error);
    } else {
      server.then(Reply.json(200, SESSION), error);
    }

    Throwable thrown = catchThrowable(() -> client.cards().changeStatus("PK1", CardStatus.SUSPENDED, null));

    assertThat(thrown).isExactlyInstanceOf(c.type()).isInstanceOf(c.kind()).isInstanceOf(PtApiFailure.class);
    PaykitException e = (PaykitException) thrown;
    assertThat(((PtApiFailure) e).ptCode()).isEqualTo(c.code());
    assertThat(e.details().providerCode()).isEqualTo(Integer.toString(c.code()));
    assertThat(e.httpStatus()).isEqualTo(c.status());
    assertThat(e.providerMessage()).hasValue(c.message() + ": " + c.description());
    assertThat(e.getMessage()).contains(c.message()).doesNotContain("S-err");
    assertThat(server.requests()).hasSize(c.code() == 401001 ? 4 : 2);
  }
}
