package dev.paykit.tests.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.ValidationException;
import dev.paykit.prune.AccountRequestUpdate;
import dev.paykit.prune.IndividualAccountRequest;
import dev.paykit.prune.PruneClient;
import dev.paykit.prune.model.IssuedCurrency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A missing argument is a ValidationException naming it, before anything is sent; never a NullPointerException. */
class PruneNullArgumentsTest extends PruneSandboxTestBase {

  static Stream<Arguments> calls() {
    RequestOptions none = null;
    return Stream.of(
        call("requestIndividual(null)", "request", c -> c.accountRequests().requestIndividual(null)),
        call("requestCorporate(null)", "request", c -> c.accountRequests().requestCorporate(null)),
        call("get(null)", "requestId", c -> c.accountRequests().get(null)),
        call("status(null)", "requestId", c -> c.accountRequests().status(null)),
        call("update(null, ..)", "requestId", c -> c.accountRequests().update(null, AccountRequestUpdate.builder().build())),
        call("update(.., null)", "update", c -> c.accountRequests().update("r", null)),
        call("acceptableDocuments(.., null options)", "options", c -> c.accountRequests().acceptableDocuments(null, null, none)),
        call("list(null, 1)", "currency", c -> c.accounts().list(null, 1)),
        call("listAutoPaging(null)", "currency", c -> c.accounts().listAutoPaging(null)),
        call("listAutoPaging(.., null options)", "options", c -> c.accounts().listAutoPaging(IssuedCurrency.EUR, none)),
        call("get(null, EUR)", "accountId", c -> c.accounts().get(null, IssuedCurrency.EUR)),
        call("get(id, null)", "currency", c -> c.accounts().get("a", null)),
        call("balance(null)", "accountId", c -> c.accounts().balance(null)),
        call("validate(null, ..)", "request", c -> c.accounts().validate(null, RequestOptions.none())),
        call("send(null)", "request", c -> c.transfers().send(null)),
        call("send(.., null options)", "options", c -> c.transfers().send(
            PruneFixtures.transfer(dev.paykit.sandbox.prune.PruneSimulator.IBAN_EUR, "r-1", "1.00"), none)),
        call("transfers().status(null)", "transactionId", c -> c.transfers().status(null)),
        call("awaitFinalStatus(null)", "transactionId", c -> c.transfers().awaitFinalStatus(null)),
        call("transfers().resolve(null)", "unknown", c -> c.transfers().resolve(null)),
        call("transfers().resolve(.., null options)", "options", c -> c.transfers().resolve("r", null, none)),
        call("disburse(null)", "request", c -> c.payouts().disburse(null)),
        call("payouts().request(null)", "requestId", c -> c.payouts().request(null)),
        call("payouts().resolve(null)", "unknown", c -> c.payouts().resolve(null)));
  }

  private static Arguments call(String name, String field, java.util.function.Consumer<PruneClient> call) {
    return Arguments.of(name, field, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void aNullArgumentIsNamed(String name, String field, java.util.function.Consumer<PruneClient> call) {
    Executable run = () -> call.accept(client);

    ValidationException e = assertThrows(ValidationException.class, run);

    assertThat(e.violations()).extracting(v -> v.field() + " " + v.rule()).contains(field + " required");
    assertThat(sentAll()).isEmpty();
  }

  @Test
  void anEmptyRequestNamesEveryRequiredPart() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> client.accountRequests().requestIndividual(IndividualAccountRequest.builder().build()));

    assertThat(e.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("firstName required",
        "lastName required", "countryShort required", "idType required", "idFile required", "poaType required",
        "poaFile required");
    assertThat(sentAll()).isEmpty();
  }

  @Test
  void aClientNeedsAKey() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> PruneClient.builder().build()).getMessage())
        .contains("apiKey");
    assertThat(List.of(assertThrows(IllegalArgumentException.class,
        () -> PruneClient.builder().apiKey(" ").build()).getMessage())).singleElement().asString().contains("apiKey");
  }
}
