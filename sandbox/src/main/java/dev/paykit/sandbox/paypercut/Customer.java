package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;
import java.util.List;

/** A customer (CustomerBase fields). Mutable ({@code PUT} replaces the fields sent); under the store's lock. */
final class Customer implements Owned {
  private final String id;
  private final String account;
  private final Instant created;
  String email;
  String name;
  String phone;
  List<String> preferredLocales = List.of();
  ObjectNode address;
  String defaultPaymentMethod;
  ObjectNode metadata = Json.object();

  Customer(String id, String account, Instant created) {
    this.id = id;
    this.account = account;
    this.created = created;
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

  /** The spec's Customer; {@code payment_methods} are the ones attached to it, in order. */
  ObjectNode json(List<Method> attached) {
    ObjectNode json = Json.object().put("id", id);
    Account.putNullable(json, "email", email);
    Account.putNullable(json, "name", name);
    Account.putNullable(json, "phone", phone);
    ArrayNode locales = json.putArray("preferred_locales");
    preferredLocales.forEach(locales::add);
    if (address != null) {
      json.set("address", address.deepCopy());
    }
    ObjectNode invoice = json.putObject("invoice_settings");
    Account.putNullable(invoice, "default_payment_method", defaultPaymentMethod);
    ArrayNode methods = json.putArray("payment_methods");
    attached.forEach(m -> methods.add(m.json(null)));
    json.put("created", Render.time(created)).put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    return json;
  }
}
