package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Customers, payment methods and setup intents. {@code PUT /v1/customers/{id}} changes the fields
 * sent and keeps the others ({@code invoice_settings.default_payment_method: null} clears it). A
 * payment method is made from a confirmation token ({@code token_id} or {@code token_intent_id});
 * it is a Visa 4242 unless the token names a test card ({@code tok_card_declined} ...,
 * {@link TestCard#forToken}); detaching clears its customer (and that customer's default payment
 * method if it was this one); a payment method with no customer, a test card included, cannot be
 * detached. A confirmed setup intent is {@code succeeded} (and attaches its payment method to its
 * customer), or answers the card error of a declining card and stays
 * {@code requires_payment_method}.
 */
final class CustomersApi {
  private final Store store;

  CustomersApi(Store store) {
    this.store = store;
  }

  /** The fields of CustomerBase as sent; what was left out stays null (or unchanged on update). */
  private record CustomerFields(Optional<String> email, Optional<String> name, Optional<String> phone,
      Optional<List<String>> locales, Optional<ObjectNode> address, Optional<String> defaultPaymentMethod,
      boolean clearDefaultPaymentMethod, Optional<ObjectNode> metadata) {

    static CustomerFields read(Body b) {
      Optional<String> email = b.email("email", 512);
      Optional<String> name = b.string("name", 256);
      Optional<String> phone = b.string("phone", 32);
      Optional<List<String>> locales = b.strings("preferred_locales", 0, 10);
      Optional<ObjectNode> address = b.object("address").map(CustomersApi::address);
      Optional<Body> invoice = b.object("invoice_settings");
      Optional<String> defaultMethod = invoice.flatMap(i -> i.string("default_payment_method", 100));
      boolean clear = invoice.map(i -> i.sentNull("default_payment_method")).orElse(false);
      Optional<ObjectNode> metadata = b.metadata("metadata");
      b.finish();
      return new CustomerFields(email, name, phone, locales, address, defaultMethod, clear, metadata);
    }

    /** 400 when the default payment method is not one of {@code account}'s; changes nothing. */
    void check(State s, String account) {
      defaultPaymentMethod.ifPresent(id -> s.method(account, id).orElseThrow(
          () -> Errors.missingReference("invoice_settings.default_payment_method", "payment_method", id)));
    }

    void applyTo(Customer customer) {
      email.ifPresent(v -> customer.email = v);
      name.ifPresent(v -> customer.name = v);
      phone.ifPresent(v -> customer.phone = v);
      locales.ifPresent(v -> customer.preferredLocales = List.copyOf(v));
      address.ifPresent(v -> customer.address = v);
      defaultPaymentMethod.ifPresent(v -> customer.defaultPaymentMethod = v);
      if (clearDefaultPaymentMethod) {
        customer.defaultPaymentMethod = null;
      }
      metadata.ifPresent(v -> customer.metadata = v);
    }
  }

  /** The spec's Address. */
  static ObjectNode address(Body a) {
    ObjectNode json = Json.object();
    a.string("city", 200).ifPresent(v -> json.put("city", v));
    a.string("country", 2).ifPresent(v -> json.put("country", v));
    a.string("line1", 200).ifPresent(v -> json.put("line1", v));
    a.string("line2", 200).ifPresent(v -> json.put("line2", v));
    a.string("postal_code", 50).ifPresent(v -> json.put("postal_code", v));
    a.string("state", 200).ifPresent(v -> json.put("state", v));
    return json;
  }

  ObjectNode create(Call call) {
    CustomerFields fields = CustomerFields.read(call.body());
    Instant now = call.now();
    return store.apply(s -> {
      fields.check(s, call.account());
      Customer customer = new Customer(s.nextId("cus"), call.account(), now);
      fields.applyTo(customer);
      s.customers.put(customer.id(), customer);
      return customer.json(s.attachedTo(customer.id()));
    });
  }

  ObjectNode get(Call call) {
    return store.apply(s -> {
      Customer customer = customer(s, call);
      return customer.json(s.attachedTo(customer.id()));
    });
  }

  ObjectNode update(Call call) {
    CustomerFields fields = CustomerFields.read(call.body());
    return store.apply(s -> {
      Customer customer = customer(s, call);
      fields.check(s, call.account());
      fields.applyTo(customer);
      return customer.json(s.attachedTo(customer.id()));
    });
  }

  private static Customer customer(State s, Call call) {
    String id = call.pathParameter(0);
    return State.owned(s.customers, call.account(), id).orElseThrow(() -> Errors.notFound("customer", id));
  }

  // ---- payment methods ----

  ObjectNode createPaymentMethod(Call call) {
    Body b = call.body();
    b.requiredEnumeration("type", "card");
    Body token = b.requiredObject("confirmation_token");
    Optional<String> tokenId = token.string("token_id", 200);
    Optional<String> tokenIntentId = token.string("token_intent_id", 200);
    if (tokenId.isEmpty() && tokenIntentId.isEmpty()) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "confirmation_token.token_id",
          "Missing required param: confirmation_token.token_id (or confirmation_token.token_intent_id).");
    }
    ObjectNode billing = b.object("billing_details").map(CustomersApi::billingDetails).orElse(null);
    Optional<String> customer = b.string("customer", 100);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    TestCard card = TestCard.forToken(tokenId.orElse(null));
    Instant now = call.now();
    return store.apply(s -> {
      customer.ifPresent(id -> IntentsApi.customer(s, call.account(), id, "customer"));
      Method method = new Method(s.nextId("pm"), call.account(), now, card, billing, metadata);
      method.customer = customer.orElse(null);
      s.methods.put(method.id(), method);
      return method.json(null);
    });
  }

  private static ObjectNode billingDetails(Body b) {
    ObjectNode json = Json.object();
    json.set("email", text(b.email("email", 512)));
    json.set("name", text(b.string("name", 256)));
    json.set("phone", text(b.string("phone", 32)));
    b.object("address").ifPresent(a -> json.set("address", address(a)));
    return json;
  }

  private static JsonNode text(Optional<String> value) {
    return value.<JsonNode>map(v -> Json.object().textNode(v)).orElse(Json.object().nullNode());
  }

  ObjectNode getPaymentMethod(Call call) {
    Set<String> expand = call.expand(Set.of("customer"));
    return store.apply(s -> {
      Method method = method(s, call);
      JsonNode customer = null;
      if (expand.contains("customer") && method.customer != null) {
        customer = s.customers.get(method.customer).json(s.attachedTo(method.customer));
      }
      return method.json(customer);
    });
  }

  ObjectNode detach(Call call) {
    call.body().finish();
    return store.apply(s -> {
      Method method = method(s, call);
      if (method.customer == null) {
        throw Errors.state("payment_method_unexpected_state", null, "The payment method " + method.id()
            + " is not attached to a customer, so it cannot be detached.");
      }
      Customer customer = s.customers.get(method.customer);
      if (method.id().equals(customer.defaultPaymentMethod)) {
        customer.defaultPaymentMethod = null;
      }
      method.customer = null;
      return method.json(null);
    });
  }

  private static Method method(State s, Call call) {
    String id = call.pathParameter(0);
    return s.method(call.account(), id).orElseThrow(() -> Errors.notFound("payment_method", id));
  }

  // ---- setup intents ----

  ObjectNode createSetupIntent(Call call) {
    Body b = call.body();
    b.requiredCurrency("currency");
    boolean confirm = b.bool("confirm").orElse(false);
    Optional<String> offSession = b.enumeration("off_session", "one_off", "recurring");
    Optional<String> customer = b.string("customer", 100);
    Optional<String> paymentMethod = b.string("payment_method", 100);
    b.metadata("metadata");
    b.finish();
    if (confirm && paymentMethod.isEmpty()) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "payment_method",
          "Missing required param: payment_method (confirm=true needs one).");
    }
    Instant now = call.now();
    SetupResult result = store.apply(s -> {
      customer.ifPresent(id -> IntentsApi.customer(s, call.account(), id, "customer"));
      Method method = paymentMethod.map(id -> s.method(call.account(), id).orElseThrow(
          () -> Errors.missingReference("payment_method", "payment_method", id))).orElse(null);
      boolean declined = confirm && method.card.declines();
      String status;
      if (method == null || declined) {
        status = Intent.REQUIRES_PAYMENT_METHOD;
      } else if (!confirm) {
        status = Intent.REQUIRES_CONFIRMATION;
      } else {
        status = Intent.SUCCEEDED;
        if (customer.isPresent() && !method.isFixture() && method.customer == null) {
          method.customer = customer.get();
        }
      }
      String id = s.nextId("seti");
      ObjectNode json = Json.object().put("id", id).put("status", status)
          .put("usage", offSession.isPresent() ? "off_session" : "on_session");
      Account.putNullable(json, "payment_method",
          status.equals(Intent.REQUIRES_PAYMENT_METHOD) ? null : method.id());
      Account.putNullable(json, "customer", customer.orElse(null));
      json.putNull("next_action");
      json.put("created", Render.time(now)).put("livemode", false);
      s.docs.put(id, new Doc(id, call.account(), now, Doc.SETUP_INTENT, json));
      return new SetupResult(json.deepCopy(), declined ? method.card : null);
    });
    if (result.decline() != null) {
      throw IntentsApi.cardError(result.decline());
    }
    return result.json();
  }

  private record SetupResult(ObjectNode json, TestCard decline) {}
}
