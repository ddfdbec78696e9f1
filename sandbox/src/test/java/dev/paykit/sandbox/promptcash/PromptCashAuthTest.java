package dev.paykit.sandbox.promptcash;

import static dev.paykit.sandbox.SandboxHttp.form;
import static dev.paykit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.sandbox.SandboxHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw-token Authorization header, signatures (both schemes) and routing errors. */
class PromptCashAuthTest extends PromptCashSimulatorTestBase {
  /** The signed request of both vectors; desc shows that the DECODED value is signed. */
  private static final String[] SIGNED_FORM = {
    "token", "1-sandboxPub", "tx_id", "order-1001", "amount", "12.50", "currency", "USD",
    "desc", "Blue mug & saucer", "callback", "https://shop.example/cb",
    "return", "https://shop.example/done", "time", "1767225600"
  };

  /**
   * QUERY_STRING vector over the fields of {@link #SIGNED_FORM} minus callback and return, computed
   * outside Java with:
   * printf '%s' 'sandbox-secret-tokentoken=1-sandboxPub&tx_id=order-1001&amount=12.50&currency=USD&desc=Blue mug & saucer&time=1767225600' | sha256sum
   */
  private static final String QUERY_STRING_SIGNATURE =
      "1f3ddea132cb269797634a3393ee1b20bbb3809d17b58a9d1d8510b0f07c35e0";

  /**
   * LEGACY_VALUES vector over all of {@link #SIGNED_FORM}, computed outside Java with:
   * printf '%s' 'sandbox-secret-token1-sandboxPuborder-100112.50USDBlue mug & saucerhttps://shop.example/cbhttps://shop.example/done1767225600' | sha256sum
   */
  private static final String LEGACY_VALUES_SIGNATURE =
      "d4b5bb08ed746bb1a8b86aab763a4ec3046e179feebadc0d2855662fdf34b915";

  // (Trailing blanks are not tested: HTTP strips them from header values before anyone sees them.)
  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"wrong", "Bearer sandbox-secret-token", "SANDBOX-SECRET-TOKEN", ""})
  void anythingButTheRawSecretTokenIs401(String authorization) {
    HttpResponse<String> get = SandboxHttp.send(http.get("/get-payments", authorization));
    HttpResponse<String> post = SandboxHttp.send(http.post("/create-payment",
        form("token", "1-sandboxPub", "tx_id", "t", "amount", "1", "currency", "USD"), authorization));

    assertThat(get.statusCode()).isEqualTo(401);
    assertThat(json(get).get("error").asText()).isNotBlank();
    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(sandbox.promptCash().paymentCount()).isZero();
  }

  @Test
  void queryStringSignatureIsAcceptedWhenCorrect() {
    sandbox.promptCash().enforceSignatures(true);

    HttpResponse<String> response = http.post("/create-payment", form(
        "token", "1-sandboxPub", "tx_id", "order-1001", "amount", "12.50", "currency", "USD",
        "desc", "Blue mug & saucer", "time", "1767225600", "signature", QUERY_STRING_SIGNATURE));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(sandbox.promptCash().paymentCount()).isEqualTo(1);
  }

  @Test
  void queryStringSignatureIsRejectedWhenAnySignedValueDiffers() {
    sandbox.promptCash().enforceSignatures(true);

    HttpResponse<String> response = http.post("/create-payment", form(
        "token", "1-sandboxPub", "tx_id", "order-1001", "amount", "12.5", "currency", "USD",
        "desc", "Blue mug & saucer", "time", "1767225600", "signature", QUERY_STRING_SIGNATURE));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response)).isEqualTo(json("{\"error\":\"invalid signature\"}"));
    assertThat(sandbox.promptCash().paymentCount()).isZero();
  }

  @Test
  void legacyValuesSignatureIsAcceptedWhenCorrectAndRejectedUnderTheOtherScheme() {
    String body = form(SIGNED_FORM) + "&" + form("signature", LEGACY_VALUES_SIGNATURE);
    sandbox.promptCash().enforceSignatures(true);

    HttpResponse<String> underQueryString = http.post("/create-payment", body);
    sandbox.promptCash().signatureScheme(PromptCashSimulator.SignatureScheme.LEGACY_VALUES);
    HttpResponse<String> underLegacy = http.post("/create-payment", body);

    assertThat(underQueryString.statusCode()).isEqualTo(401);
    assertThat(underLegacy.statusCode()).as(underLegacy.body()).isEqualTo(200);
  }

  @Test
  void missingSignatureIs401AndMissingTimeIs400WhenEnforced() {
    sandbox.promptCash().enforceSignatures(true);

    HttpResponse<String> noSignature = http.post("/create-payment", form(
        "token", "1-sandboxPub", "tx_id", "t", "amount", "1", "currency", "USD", "time", "1"));
    HttpResponse<String> noTime = http.post("/create-payment", form(
        "token", "1-sandboxPub", "tx_id", "t", "amount", "1", "currency", "USD",
        "signature", QUERY_STRING_SIGNATURE));

    assertThat(noSignature.statusCode()).isEqualTo(401);
    assertThat(json(noSignature).get("error").asText()).isEqualTo("invalid signature");
    assertThat(noTime.statusCode()).isEqualTo(400);
    assertThat(json(noTime).get("error").asText()).contains("time");
  }

  @Test
  void signaturesAreNotCheckedByDefault() {
    HttpResponse<String> response = http.post("/create-payment", form(
        "token", "1-sandboxPub", "tx_id", "t", "amount", "1", "currency", "USD",
        "signature", "not-a-signature"));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathUnderThePrefixIs404AndWrongMethodIs405() {
    HttpResponse<String> unknown = http.get("/no-such-endpoint");
    HttpResponse<String> prefixOnly = http.get("");
    HttpResponse<String> wrongMethod = SandboxHttp.send(
        http.request("/create-payment", PromptCashSimulator.SECRET_TOKEN).GET().build());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown)).isEqualTo(json("{\"error\":\"not found\"}"));
    assertThat(prefixOnly.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(json(wrongMethod).get("error").asText()).contains("POST");
  }

  @Test
  void unauthenticatedUnknownPathIs401() {
    HttpRequest request = http.get("/no-such-endpoint", null);

    assertThat(SandboxHttp.send(request).statusCode()).isEqualTo(401);
  }
}
