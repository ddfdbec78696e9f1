package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;

/** A payment intent and its place in the status machine. Mutable; under the store's lock. */
final class Intent implements Owned {
  static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
  static final String REQUIRES_CONFIRMATION = "requires_confirmation";
  static final String REQUIRES_CAPTURE = "requires_capture";
  static final String PROCESSING = "processing";
  static final String SUCCEEDED = "succeeded";
  static final String CANCELED = "canceled";

  private final String id;
  private final String account;
  private final Instant created;
  final long amount;
  final String currency;
  final String captureMethod;
  final String customer;
  final String statementDescriptor;
  final String setupFutureUsage;
  final String onBehalfOf;
  final ObjectNode metadata;
  String checkoutId;
  String status;
  String paymentMethod;
  String latestPayment;
  long amountCapturable;
  long amountReceived;
  String cancellationReason;
  Instant canceledAt;

  Intent(String id, String account, Instant created, long amount, String currency, String captureMethod,
      String customer, String statementDescriptor, String setupFutureUsage, String onBehalfOf,
      ObjectNode metadata) {
    this.id = id;
    this.account = account;
    this.created = created;
    this.amount = amount;
    this.currency = currency;
    this.captureMethod = captureMethod;
    this.customer = customer;
    this.statementDescriptor = statementDescriptor;
    this.setupFutureUsage = setupFutureUsage;
    this.onBehalfOf = onBehalfOf;
    this.metadata = metadata;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public Instant created() {
    return created;
  }

  boolean isFinal() {
    return status.equals(SUCCEEDED) || status.equals(CANCELED);
  }

  PaymentIntent snapshot() {
    return new PaymentIntent(id, account, amount, currency, status, captureMethod, amountCapturable,
        amountReceived, latestPayment);
  }

  /**
   * The spec's PaymentIntent; {@code customer} and {@code payment_method} are ids unless an expanded
   * object is given for them.
   */
  ObjectNode json(JsonNode expandedCustomer, JsonNode expandedMethod) {
    ObjectNode json = Json.object().put("id", id).put("amount", amount)
        .put("amount_capturable", amountCapturable).put("amount_received", amountReceived);
    json.set("currency", Render.currency(currency));
    json.put("status", status).put("capture_method", captureMethod);
    if (expandedCustomer != null) {
      json.set("customer", expandedCustomer);
    } else {
      Account.putNullable(json, "customer", customer);
    }
    if (expandedMethod != null) {
      json.set("payment_method", expandedMethod);
    } else {
      Account.putNullable(json, "payment_method", paymentMethod);
    }
    Account.putNullable(json, "latest_payment", latestPayment);
    Account.putNullable(json, "statement_descriptor", statementDescriptor);
    Account.putNullable(json, "setup_future_usage", setupFutureUsage);
    Account.putNullable(json, "on_behalf_of", onBehalfOf);
    Account.putNullable(json, "cancellation_reason", cancellationReason);
    json.set("canceled_at", Render.timeOrNull(canceledAt));
    Account.putNullable(json, "checkout_id", checkoutId);
    json.putNull("next_action");
    json.put("created", Render.time(created)).put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    return json;
  }
}
