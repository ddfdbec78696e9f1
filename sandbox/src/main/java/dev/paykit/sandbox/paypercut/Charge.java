package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;

/**
 * A Payment (a charge of a card for a payment intent). Its {@code status} keeps to the spec's enum
 * ({@code failed}, {@code pending}, {@code succeeded}); {@code latest_status} says more, in the
 * sandbox's words: {@code declined}, {@code authorized}, {@code captured}, {@code canceled}
 * (authorization released), {@code partially_refunded}, {@code refunded}. Mutable; under the
 * store's lock.
 */
final class Charge implements Owned {
  private final String id;
  private final String account;
  private final Instant created;
  final String intent;
  final long amount;
  final String currency;
  final TestCard card;
  final String cardholderName;
  final String customer;
  final String checkoutId;
  final ObjectNode metadata;
  Instant updated;
  String status;
  String latestStatus;
  boolean captured;
  long amountCaptured;
  long amountRefunded;
  String failureCode;
  String failureMessage;

  Charge(String id, String account, Instant created, Intent intent, Method method) {
    this.id = id;
    this.account = account;
    this.created = created;
    this.updated = created;
    this.intent = intent.id();
    this.amount = intent.amount;
    this.currency = intent.currency;
    this.card = method.card;
    this.cardholderName = method.billingDetails == null ? null : method.billingDetails.path("name").textValue();
    this.customer = intent.customer;
    this.checkoutId = intent.checkoutId;
    this.metadata = intent.metadata.deepCopy();
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

  long refundable() {
    return amountCaptured - amountRefunded;
  }

  Payment snapshot() {
    return new Payment(id, account, intent, amount, currency, status, latestStatus, captured,
        amountCaptured, amountRefunded, failureCode);
  }

  /** The spec's Payment (v1 and v2 answer the same object). */
  ObjectNode json() {
    ObjectNode json = Json.object().put("id", id).put("amount", amount)
        .put("amount_captured", amountCaptured).put("amount_refunded", amountRefunded);
    json.set("currency", Render.currency(currency));
    json.put("formatted_amount", Render.formatted(amount, currency)).put("status", status)
        .put("latest_status", latestStatus).put("captured", captured)
        .put("paid", captured);
    Account.putNullable(json, "failure_code", failureCode);
    Account.putNullable(json, "failure_message", failureMessage);
    json.put("payment_method", "card");
    ObjectNode details = json.putObject("payment_method_details").put("type", "card");
    ObjectNode cardDetails = card.card(cardholderName);
    cardDetails.put("amount_authorized", card.declines() ? 0 : amount);
    details.set("card", cardDetails);
    ObjectNode outcome = json.putObject("outcome");
    if (card.declines()) {
      outcome.put("network_decline_code", card.networkDeclineCode).put("network_status", "declined_by_network")
          .putNull("risk_score").put("seller_message", "The bank declined the payment: " + card.declineCode + ".")
          .put("type", "issuer_declined");
    } else {
      outcome.putNull("network_decline_code").put("network_status", "approved_by_network")
          .putNull("risk_score").put("seller_message", "Payment complete.").put("type", "authorized");
    }
    Account.putNullable(json, "customer", customer);
    json.put("payment_intent", intent);
    Account.putNullable(json, "checkout_id", checkoutId);
    json.put("created", Render.time(created)).put("updated", Render.time(updated)).put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    return json;
  }
}
