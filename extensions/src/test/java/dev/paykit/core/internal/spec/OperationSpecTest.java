package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-operation behaviour is read from the spec, not written per endpoint. */
class OperationSpecTest {

  private final ApiSpec testkit = ApiSpec.load("testkit");
  private final ApiSpec promptcash = ApiSpec.load("promptcash");

  @Test
  void retrySafetyComesFromMethodIdempotencyKeyOrTheRetryMarker() {
    assertThat(testkit.operation("getItem").safeToRepeat()).isTrue();               // GET
    assertThat(testkit.operation("createTransfer").safeToRepeat()).isTrue();        // Idempotency-Key
    assertThat(testkit.operation("createNote").safeToRepeat()).isFalse();           // plain POST
    assertThat(promptcash.operation("createPayment").safeToRepeat()).isTrue();      // x-paykit-retry
    assertThat(promptcash.operation("createShortUrl").safeToRepeat()).isFalse();
  }

  @Test
  void securityIsPerOperationWithTheDocumentAsDefault() {
    assertThat(testkit.operation("getItem").securitySchemes()).isEmpty();
    assertThat(testkit.operation("createTransfer").securitySchemes()).containsExactly("bearer");
  }

  @Test
  void formFieldsKeepTheDocumentedOrderAndDerivedMarkers() {
    OperationSpec create = promptcash.operation("createPayment");
    assertThat(create.formFields()).extracting(ParameterSpec::name).containsExactly("token", "tx_id",
        "amount", "currency", "slp_token", "desc", "callback", "return", "expiration", "confirm", "time",
        "signature");
    assertThat(create.derivedFormFields("signature")).extracting(ParameterSpec::name).containsExactly("signature");
    assertThat(create.derivedFormFields("public-token")).extracting(ParameterSpec::name).containsExactly("token");
  }

  @Test
  void routesIgnorePathParameterNames() {
    assertThat(promptcash.find("GET", "/get-payment/{txId}")).map(OperationSpec::operationId).contains("getPayment");
    assertThat(promptcash.find("GET", "/get-payments?limit={limit}")).map(OperationSpec::operationId).contains("getPayments");
  }

  @Test
  void pagingIsData() {
    assertThat(promptcash.operation("getPayments").pagination()).hasValueSatisfying(p -> {
      assertThat(p.style()).isEqualTo("offset");
      assertThat(p.items()).isEqualTo("data");
      assertThat(p.param("limitParam", "x")).isEqualTo("limit");
    });
  }
}
