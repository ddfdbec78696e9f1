package dev.paykit.sandbox.promptcash;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.Digests;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Numbers;
import dev.paykit.sandbox.Routing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;

/**
 * The payment endpoints: {@code create-payment}, {@code get-payment/{tx_id}} and
 * {@code get-payments}. Each returns the 200 body or throws {@link ApiError}.
 */
final class Payments {
  /**
   * Fixed, arbitrary sandbox rate: units of any non-BCH currency per 1 BCH (so 2.43 USD gives
   * 0.01000000 BCH). Real rates move; a fixed one keeps amounts reproducible in tests.
   */
  static final BigDecimal RATE_PER_BCH = new BigDecimal("243.000");

  private static final int CRYPTO_SCALE = 8;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3,5}");
  private static final int MAX_TX_ID_LENGTH = 255;

  private final PromptCashSimulator simulator;

  Payments(PromptCashSimulator simulator) {
    this.simulator = simulator;
  }

  /** {@code POST /create-payment}: creates once per tx_id; a repeat answers {@code existing:true}. */
  ObjectNode create(HttpRequest request) {
    FormParameters form = FormParameters.fromFormBody(request);
    String token = form.required("token");
    String txId = form.required("tx_id");
    String amountText = form.required("amount");
    String currency = form.required("currency");
    BigDecimal amount = Numbers.plainDecimal("amount", amountText);
    if (amount.signum() <= 0) {
      throw Errors.of(400, "invalid amount: must be greater than 0");
    }
    if (!CURRENCY.matcher(currency).matches()) {
      throw Errors.of(400, "invalid currency: '" + currency + "'");
    }
    if (txId.length() > MAX_TX_ID_LENGTH) {
      throw Errors.of(400, "invalid tx_id: longer than " + MAX_TX_ID_LENGTH + " characters");
    }
    if (!PromptCashSimulator.PUBLIC_TOKEN.equals(token)) {
      throw Errors.of(401, "invalid public token");
    }
    // expiration (minutes) and confirm (blocks) only need to be well-formed here.
    Numbers.integer(form, "expiration", 30, 1, Integer.MAX_VALUE);
    Numbers.integer(form, "confirm", 0, 0, Integer.MAX_VALUE);
    Numbers.integer(form, "time", 0, 0, Long.MAX_VALUE);
    checkSignature(form);

    Store.Created created = simulator.store()
        .createPaymentIfAbsent(txId, id -> newPayment(id, txId, amount, currency, form));
    ObjectNode body = Json.object();
    body.set("payment", created.payment().toJson());
    body.put("existing", created.existing());
    return body;
  }

  /**
   * Only when enforcement is on, as with "Enforce API Signatures" in the account settings (docs,
   * {@code signature} row): {@code time} is then required too ("Required with signature").
   */
  private void checkSignature(FormParameters form) {
    if (!simulator.signaturesEnforced()) {
      return;
    }
    form.required("time");
    if (!form.has("signature")
        || !Signature.matches(PromptCashSimulator.SECRET_TOKEN, simulator.scheme(), form)) {
      throw Errors.of(401, "invalid signature");
    }
  }

  private Payment newPayment(
      long id, String txId, BigDecimal amount, String currency, FormParameters form) {
    BigDecimal crypto = Payment.CRYPTO_CURRENCY.equals(currency)
        ? amount.setScale(CRYPTO_SCALE, RoundingMode.HALF_UP)
        : amount.divide(RATE_PER_BCH, CRYPTO_SCALE, RoundingMode.HALF_UP);
    String address = CashAddress.forSeed(txId);
    OffsetDateTime now = simulator.now();
    return new Payment(id, txId, crypto, amount, "PENDING", BigDecimal.ZERO, currency,
        form.get("slp_token"), form.get("desc"), form.get("callback"), form.get("return"), address,
        now, Optional.empty(), crypto, qrUrl(address));
  }

  /** Same shape as the docs' {@code /pub/temp/qr/<sha256>.png}; the sandbox does not serve it. */
  private String qrUrl(String address) {
    return simulator.origin() + "/promptcash/pub/temp/qr/"
        + Digests.sha256Hex(address) + ".png";
  }

  /**
   * {@code GET /get-payment/{tx_id}}: answer wrapped as {@code {"data": ...}} (docs example; the
   * official WordPress plugin reads {@code json->data}). Everything after the prefix is the tx_id,
   * slashes included, because clients do not encode {@code /} in path values.
   */
  ObjectNode get(String encodedTxId) {
    String txId = percentDecode(encodedTxId);
    Payment payment = simulator.store().payment(txId)
        .orElseThrow(() -> Errors.of(404, "payment not found"));
    ObjectNode body = Json.object();
    body.set("data", payment.toJson());
    return body;
  }

  /**
   * {@code GET /get-payments}: filters as in the docs' table: {@code from} inclusive, {@code to}
   * exclusive, both UNIX seconds, 0 (the default) meaning no bound; then the limit/offset window.
   */
  ObjectNode list(FormParameters query) {
    String currency = query.get("currency");
    String status = query.get("status");
    long from = Numbers.integer(query, "from", 0, 0, Long.MAX_VALUE);
    long to = Numbers.integer(query, "to", 0, 0, Long.MAX_VALUE);
    Page page = Page.from(query);
    ArrayNode data = Json.object().arrayNode();
    page.apply(simulator.store().payments().stream()
            .filter(p -> currency.isEmpty() || p.fiatCurrency().equals(currency))
            .filter(p -> status.isEmpty() || p.status().equals(status))
            .filter(p -> p.createdAt().toEpochSecond() >= from)
            .filter(p -> to == 0 || p.createdAt().toEpochSecond() < to)
            .toList())
        .forEach(p -> data.add(p.toJson()));
    ObjectNode body = Json.object();
    body.set("data", data);
    return body;
  }

  /** Path segments use %XX only ({@code +} is a literal plus there, unlike in forms). */
  private static String percentDecode(String segment) {
    try {
      return Routing.decodeSegment(segment);
    } catch (IllegalArgumentException e) {
      throw Errors.of(400, "malformed tx_id in path: " + e.getMessage());
    }
  }
}
