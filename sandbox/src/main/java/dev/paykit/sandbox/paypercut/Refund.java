package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;

/** A refund of part or all of a captured Payment; always {@code succeeded} at once. Immutable. */
final class Refund implements Owned {
  private final String id;
  private final String account;
  private final Instant created;
  final String payment;
  final String intent;
  final long amount;
  final String currency;
  final String reason;
  final ObjectNode metadata;

  Refund(String id, String account, Instant created, Charge charge, long amount, String reason,
      ObjectNode metadata) {
    this.id = id;
    this.account = account;
    this.created = created;
    this.payment = charge.id();
    this.intent = charge.intent;
    this.amount = amount;
    this.currency = charge.currency;
    this.reason = reason;
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

  String status() {
    return "succeeded";
  }

  /** The spec's Refund. */
  ObjectNode json() {
    ObjectNode json = Json.object().put("id", id).put("amount", amount);
    json.set("currency", Render.currency(currency));
    json.put("payment", payment).put("payment_intent", intent);
    Account.putNullable(json, "reason", reason);
    json.put("status", status()).putNull("failure_reason").putNull("pending_reason");
    json.putObject("destination_details").put("type", "card");
    json.put("created", Render.time(created)).put("updated", Render.time(created)).put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    return json;
  }
}
