package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;

/**
 * A card payment method: one of the {@link TestCard} fixtures (present in every account, never
 * attached to a customer) or one made by {@code POST /v1/payment_methods}, which behaves as the
 * test card its token names. Mutable (its customer); under the store's lock.
 */
final class Method implements Owned {
  /** When the fixtures were "made": a fixed instant, so that they render the same in every run. */
  static final Instant FIXTURE_CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private final String id;
  /** Null for a fixture (it belongs to every account). */
  private final String account;
  private final Instant created;
  final TestCard card;
  final ObjectNode billingDetails;
  final ObjectNode metadata;
  String customer;

  Method(String id, String account, Instant created, TestCard card, ObjectNode billingDetails,
      ObjectNode metadata) {
    this.id = id;
    this.account = account;
    this.created = created;
    this.card = card;
    this.billingDetails = billingDetails;
    this.metadata = metadata;
  }

  static Method fixture(TestCard card) {
    return new Method(card.id, null, FIXTURE_CREATED, card, null, Json.object());
  }

  boolean isFixture() {
    return account == null;
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

  /** The spec's PaymentMethod; {@code customer} is the id, or {@code expandedCustomer} when given. */
  ObjectNode json(JsonNode expandedCustomer) {
    ObjectNode json = Json.object().put("id", id).put("type", "card");
    String holder = billingDetails == null ? null : billingDetails.path("name").textValue();
    json.set("card", card.card(holder));
    ObjectNode billing = billingDetails == null ? emptyBilling() : billingDetails.deepCopy();
    json.set("billing_details", billing);
    if (expandedCustomer != null) {
      json.set("customer", expandedCustomer);
    } else {
      Account.putNullable(json, "customer", customer);
    }
    json.put("created", Render.time(created)).put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    return json;
  }

  private static ObjectNode emptyBilling() {
    return Json.object().putNull("email").putNull("name").putNull("phone");
  }
}
