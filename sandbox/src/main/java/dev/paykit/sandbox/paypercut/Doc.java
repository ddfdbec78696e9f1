package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An object the simulator stores as the JSON it answers (checkout sessions, setup intents,
 * subscriptions, products, prices, payment links, payment method domains), with its kind. The JSON
 * is changed in place (a checkout's completion); under the store's lock.
 */
final class Doc implements Owned {
  static final String CHECKOUT = "checkout session";
  static final String SETUP_INTENT = "setup intent";
  static final String SUBSCRIPTION = "subscription";
  static final String PRODUCT = "product";
  static final String PRICE = "price";
  static final String PAYMENT_LINK = "payment link";
  static final String DOMAIN = "payment method domain";

  private final String id;
  private final String account;
  private final Instant created;
  final String kind;
  final ObjectNode json;
  /** What the simulator keeps about the object but does not answer (a checkout's capture method). */
  final ObjectNode hidden;

  Doc(String id, String account, Instant created, String kind, ObjectNode json) {
    this(id, account, created, kind, json, dev.paykit.sandbox.Json.object());
  }

  Doc(String id, String account, Instant created, String kind, ObjectNode json, ObjectNode hidden) {
    this.id = id;
    this.account = account;
    this.created = created;
    this.kind = kind;
    this.json = json;
    this.hidden = hidden;
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
}
