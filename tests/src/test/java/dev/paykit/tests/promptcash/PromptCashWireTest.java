package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.ConflictException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PaymentQuery;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.ShortUrlRequest;
import dev.paykit.promptcash.SignatureScheme;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.promptcash.model.Payment;
import dev.paykit.promptcash.model.PaymentStatus;
import dev.paykit.promptcash.model.ShortUrl;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** Every operation: the exact request that reached the sandbox, and the typed result. */
class PromptCashWireTest extends PromptCashTestBase {

  /**
   * printf '%s' 'sandbox-secret-tokentoken=1-sandboxPub&tx_id=order-1&amount=25.00&currency=USD&desc=Blue shirt&time=1763719200' | sha256sum
   */
  private static final String SIGNATURE_ORDER_1 =
      "95346227cf04277f0c6ce47cff64f0298d937a1469ba3c74e24dd429eba9fbc2";

  /** printf '%s' 'sandbox-secret-token1-sandboxPuborder-125.00USDBlue shirt1763719200' | sha256sum */
  private static final String LEGACY_SIGNATURE_ORDER_1 =
      "c3e32f571a9b17bede70d620bc4f9ad0d999aa70813c92742a81fc32fefd7f4c";

  private static CreatePaymentRequest order1() {
    return CreatePaymentRequest.builder("order-1", new BigDecimal("25.00"), "USD").description("Blue shirt").build();
  }

  @Test
  void createPaymentSendsTheSignedFormAndReturnsTheTypedPayment() {
    sim.enforceSignatures(true);

    CreatePaymentResponse created = client.payments().create(order1());

    HttpRequest r = sent("/create-payment")[0];
    assertThat(r.getMethod().getValue()).isEqualTo("POST");
    assertThat(r.getHeader("Authorization")).containsExactly(SECRET);
    assertThat(r.getFirstHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(body(r)).isEqualTo("token=1-sandboxPub&tx_id=order-1&amount=25.00&currency=USD"
        + "&desc=Blue+shirt&time=1763719200&signature=" + SIGNATURE_ORDER_1);

    assertThat(created.getExisting()).isFalse();
    Payment p = created.getPayment();
    assertThat(p.getTxId()).isEqualTo("order-1");
    assertThat(p.getStatus()).isEqualTo(PaymentStatus.PENDING);
    assertThat(p.getAmountFiat()).isEqualByComparingTo("25.00");
    assertThat(p.getAmountCrypto().scale()).isGreaterThanOrEqualTo(8);
    assertThat(p.getPaid()).isEqualTo(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(p.getCreatedAt().toInstant()).isEqualTo(Instant.ofEpochSecond(PINNED_TIME));
  }

  @Test
  void createPaymentCanSignWithTheLegacyValueConcatenation() {
    sim.enforceSignatures(true).signatureScheme(PromptCashSimulator.SignatureScheme.LEGACY_VALUES);

    client(SignatureScheme.LEGACY_VALUES).payments().create(order1());

    assertThat(body(sent("/create-payment")[0])).endsWith("&signature=" + LEGACY_SIGNATURE_ORDER_1);
    assertThat(sim.paymentCount()).isEqualTo(1);
  }

  @Test
  void createPaymentWithSigningOffSendsNeitherTimeNorSignature() {
    client(SignatureScheme.NONE).payments().create(order1());

    assertThat(body(sent("/create-payment")[0]))
        .isEqualTo("token=1-sandboxPub&tx_id=order-1&amount=25.00&currency=USD&desc=Blue+shirt");
  }

  @Test
  void reusingTheBuilderDoesNotChangeAClientAlreadyBuilt() {
    PromptCashClient.Builder builder = clientBuilder();
    PromptCashClient signing = builder.build();
    builder.signatureScheme(SignatureScheme.NONE).build();

    signing.payments().create(order1());

    assertThat(body(sent("/create-payment")[0])).endsWith("&time=1763719200&signature=" + SIGNATURE_ORDER_1);
  }

  @Test
  void amountsGoOnTheWireAsPlainDecimals() {
    client.payments().create(CreatePaymentRequest.builder("big", new BigDecimal("1E+3"), "USD").build());
    client.payments().create(CreatePaymentRequest.builder("tiny", new BigDecimal("0.00000001"), "BCH").build());

    assertThat(body(sent("/create-payment")[0])).contains("&amount=1000&");
    assertThat(body(sent("/create-payment")[1])).contains("&amount=0.00000001&");
    assertThat(sim.paymentCount()).isEqualTo(2);
  }

  @Test
  void createPaymentWithEveryFieldSendsThemInTheDocumentedOrder() {
    sim.enforceSignatures(true);
    client.payments().create(CreatePaymentRequest.builder("o-9", new BigDecimal("5"), "EUR")
        .slpToken("SPICE").description("d").callbackUrl(URI.create("https://shop.example/cb?x=1"))
        .returnUrl(URI.create("https://shop.example/done")).expirationMinutes(15).confirmations(1).build());

    assertThat(body(sent("/create-payment")[0])).startsWith("token=1-sandboxPub&tx_id=o-9&amount=5&currency=EUR"
        + "&slp_token=SPICE&desc=d&callback=https%3A%2F%2Fshop.example%2Fcb%3Fx%3D1"
        + "&return=https%3A%2F%2Fshop.example%2Fdone&expiration=15&confirm=1&time=1763719200&signature=");
  }

  @Test
  void aRepeatedTxIdReturnsTheExistingPayment() {
    CreatePaymentResponse first = client.payments().create(order1());
    CreatePaymentResponse second = client.payments().create(order1());

    assertThat(second.getExisting()).isTrue();
    assertThat(second.getPayment().getId()).isEqualTo(first.getPayment().getId());
    assertThat(sim.paymentCount()).isEqualTo(1);
  }

  @Test
  void aTxIdReusedForAnotherAmountIsAConflictNotTheOldPayment() {
    client.payments().create(order1());

    assertThatThrownBy(() -> client.payments().create(
        CreatePaymentRequest.builder("order-1", new BigDecimal("30.00"), "USD").build()))
        .isInstanceOfSatisfying(ConflictException.class, e ->
            assertThat(e.getMessage()).contains("already names a payment of 25.00 USD, not 30.00 USD"));
    assertThat(client.payments().create(CreatePaymentRequest.builder("order-1", new BigDecimal("25.0"), "USD")
        .description("Blue shirt").build()).getExisting()).isTrue();
    assertThat(sim.paymentCount()).isEqualTo(1);
  }

  @Test
  void getPaymentSendsThePathAndOptionalForce() {
    client.payments().create(order1());

    Payment p = client.payments().get("order-1");
    Payment fresh = client.payments().getFresh("order-1");

    HttpRequest[] r = sent("/get-payment/order-1");
    assertThat(r).hasSize(2);
    assertThat(r[0].getMethod().getValue()).isEqualTo("GET");
    assertThat(r[0].getQueryStringParameterList()).isEmpty();
    assertThat(r[0].getHeader("Authorization")).containsExactly(SECRET);
    assertThat(r[1].getFirstQueryStringParameter("force")).isEqualTo("true");
    assertThat(p.getTxId()).isEqualTo("order-1");
    assertThat(fresh.getDescription()).isEqualTo("Blue shirt");
  }

  @Test
  void aSlashInsideATxIdStaysInsideItsPathSegment() {
    client.payments().create(CreatePaymentRequest.builder("shop/2026/7", BigDecimal.ONE, "USD").build());

    assertThat(client.payments().get("shop/2026/7").getTxId()).isEqualTo("shop/2026/7");
    assertThat(sent("/get-payment/shop%2F2026%2F7")).hasSize(1);
  }

  @Test
  void getPaymentsSendsEveryFilter() {
    client.payments().create(order1());
    sim.setPaymentStatus("order-1", "PAID");

    List<Payment> paid = client.payments().list(PaymentQuery.all().withCurrency("USD")
        .withStatus(PaymentStatus.PAID).between(Instant.ofEpochSecond(PINNED_TIME - 60),
            Instant.ofEpochSecond(PINNED_TIME + 60)).withLimit(50));

    HttpRequest r = sent("/get-payments")[0];
    assertThat(r.getFirstQueryStringParameter("currency")).isEqualTo("USD");
    assertThat(r.getFirstQueryStringParameter("status")).isEqualTo("PAID");
    assertThat(r.getFirstQueryStringParameter("from")).isEqualTo(Long.toString(PINNED_TIME - 60));
    assertThat(r.getFirstQueryStringParameter("to")).isEqualTo(Long.toString(PINNED_TIME + 60));
    assertThat(r.getFirstQueryStringParameter("limit")).isEqualTo("50");
    assertThat(r.getQueryStringParameterList()).hasSize(5);
    assertThat(paid).extracting(Payment::getTxId).containsExactly("order-1");
    assertThat(paid.get(0).getStatus()).isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void shortUrlCreateSendsTheFormAndReturnsTheToken() {
    String token = client.shortUrls().create(ShortUrlRequest.free(URI.create("https://example.com/a"))
        .withTitle("A title").withPaywall(new BigDecimal("0.10"), "USD"));

    HttpRequest r = sent("/surl/create")[0];
    assertThat(r.getHeader("Authorization")).containsExactly(SECRET);
    assertThat(body(r)).isEqualTo("url=https%3A%2F%2Fexample.com%2Fa&title=A+title&amount=0.10&currency=USD&mode=PASS");
    assertThat(token).hasSize(6);
    assertThat(sim.shortUrlCount()).isEqualTo(1);
  }

  @Test
  void shortUrlUpdateGetDeleteAndList() {
    String token = client.shortUrls().create(ShortUrlRequest.free(URI.create("https://example.com/a")));

    client.shortUrls().update(token, ShortUrlRequest.free(URI.create("https://ignored.example"))
        .withTitle("New").withPaywall(new BigDecimal("2.5"), "BCH"));
    ShortUrl entry = client.shortUrls().get(token);
    List<ShortUrl> listed = client.shortUrls().list(10, 0);
    client.shortUrls().delete(token);

    assertThat(body(sent("/surl/update")[0])).isEqualTo("token=" + token + "&title=New&amount=2.5&currency=BCH&mode=PASS");
    HttpRequest get = sent("/surl/get")[0];
    assertThat(get.getMethod().getValue()).isEqualTo("GET");
    assertThat(get.getFirstQueryStringParameter("token")).isEqualTo(token);
    HttpRequest list = sent("/surl/list")[0];
    assertThat(list.getFirstQueryStringParameter("limit")).isEqualTo("10");
    assertThat(list.getFirstQueryStringParameter("offset")).isEqualTo("0");
    HttpRequest delete = sent("/surl/delete")[0];
    assertThat(delete.getMethod().getValue()).isEqualTo("POST");
    assertThat(delete.getFirstQueryStringParameter("token")).isEqualTo(token);
    assertThat(body(delete)).isEmpty();

    assertThat(entry.getTitle()).isEqualTo("New");
    assertThat(entry.getUrl()).isEqualTo("https://example.com/a");
    assertThat(entry.getAmount()).isEqualByComparingTo("2.5");
    assertThat(listed).extracting(ShortUrl::getToken).containsExactly(token);
    assertThat(sim.shortUrlCount()).isZero();
  }

  @Test
  void theGeneratedInterfacesCarryTheSamePipeline() {
    sim.enforceSignatures(true);
    dev.paykit.promptcash.api.PaymentsApi direct = client.api(dev.paykit.promptcash.api.PaymentsApi.class);
    direct.createPayment("order-1", new BigDecimal("25.00"), "USD", null, "Blue shirt", null, null, null, null);

    PromptCashClient other = clientBuilder().build();
    dev.paykit.promptcash.api.PaymentsApi wired = other.feignBuilder()
        .target(dev.paykit.promptcash.api.PaymentsApi.class, sim.baseUrl());
    assertThat(wired.getPayment("order-1", (Boolean) null).getData().getTxId()).isEqualTo("order-1");

    assertThat(body(sent("/create-payment")[0])).endsWith("&signature=" + SIGNATURE_ORDER_1);
    assertThat(sent("/get-payment/order-1")[0].getHeader("Authorization")).containsExactly(SECRET);
  }
}
