package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checkout sessions, subscriptions, products, prices, payment links and payment method domains:
 * stored as the spec shapes them, with their required fields, enums and references checked.
 *
 * <p>Checkout sessions: {@code customer} and {@code customer_email} exclude each other and
 * {@code success_url} is refused with {@code ui_mode} {@code embedded} or {@code custom} (the docs'
 * rules); mode {@code payment} needs {@code amount} or {@code line_items} ({@code amount_total} is
 * the amount, else the sum of quantity times unit amount). A session and a payment link expire 24 h
 * after creation unless {@code expires_at} says otherwise; their {@code url}s are under the
 * simulator's base URL and are not served. Sessions stay {@code open} until
 * {@link PaypercutSimulator#completeCheckout(String)}. Subscriptions are {@code TRIALING} with a
 * trial and {@code active} otherwise (the docs' own spellings). A price's {@code type} defaults to
 * {@code recurring} when {@code recurring} is sent; a {@code lookup_key} and a domain name are unique
 * in their account.
 */
final class CatalogApi {
  static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern PRICE_DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+");

  private final Store store;
  private final String baseUrl;

  CatalogApi(Store store, String baseUrl) {
    this.store = store;
    this.baseUrl = baseUrl;
  }

  /** One line item as read: its JSON (as it will be answered) and how it is priced. */
  private record Line(ObjectNode json, long quantity, String price, BigDecimal unitAmount, String currency,
      String param) {}

  // ---- shared shapes ----

  /** The spec's LineItem (quantity required; price or price_data). */
  private static Line lineItem(Body item) {
    long quantity = item.integer("quantity", 1, Integer.MAX_VALUE).orElseThrow(
        () -> Errors.missing(item.param("quantity")));
    Optional<String> price = item.string("price", 200);
    Optional<Body> priceData = item.openObject("price_data");
    ObjectNode json = Json.object().put("quantity", quantity);
    price.ifPresent(p -> json.put("price", p));
    BigDecimal unit = null;
    String currency = null;
    if (priceData.isPresent()) {
      Body data = priceData.get();
      ObjectNode dataJson = priceData(data);
      json.set("price_data", dataJson);
      currency = dataJson.path("currency").textValue();
      if (dataJson.has("unit_amount")) {
        unit = BigDecimal.valueOf(dataJson.get("unit_amount").longValue());
      } else if (dataJson.has("unit_amount_decimal")) {
        unit = new BigDecimal(dataJson.get("unit_amount_decimal").textValue());
      }
    }
    if (price.isEmpty() && priceData.isEmpty()) {
      throw Errors.missing(item.param("price"));
    }
    item.metadata("metadata").ifPresent(m -> json.set("metadata", m));
    return new Line(json, quantity, price.orElse(null), unit, currency, item.param("price"));
  }

  /** The spec's PriceData (open: fields it does not list are kept as sent). */
  private static ObjectNode priceData(Body data) {
    ObjectNode json = Json.object();
    data.currency("currency").ifPresent(c -> json.put("currency", c));
    data.integer("unit_amount", 0, Body.MAX_AMOUNT).ifPresent(a -> json.put("unit_amount", a));
    data.matching("unit_amount_decimal", DECIMAL, 40, "a plain decimal number").ifPresent(
        d -> json.put("unit_amount_decimal", d));
    data.string("product", 200).ifPresent(p -> json.put("product", p));
    data.object("product_data").ifPresent(p -> {
      ObjectNode product = json.putObject("product_data");
      p.string("name", 500).ifPresent(v -> product.put("name", v));
      p.string("description", 5000).ifPresent(v -> product.put("description", v));
      p.string("unit_label", 100).ifPresent(v -> product.put("unit_label", v));
    });
    data.object("recurring").ifPresent(r -> json.set("recurring", recurring(r)));
    return json;
  }

  /** The spec's Recurring. */
  private static ObjectNode recurring(Body r) {
    ObjectNode json = Json.object();
    r.enumeration("interval", "day", "week", "month", "year").ifPresent(v -> json.put("interval", v));
    r.integer("interval_count", 1, Integer.MAX_VALUE).ifPresent(v -> json.put("interval_count", v));
    Optional<String> meter = r.string("meter", 200);
    if (meter.isPresent()) {
      json.put("meter", meter.get());
    } else {
      json.putNull("meter");
    }
    r.enumeration("usage_type", "licensed", "metered").ifPresent(v -> json.put("usage_type", v));
    return json;
  }

  /** The spec's AfterCompletion. */
  private static ObjectNode afterCompletion(Body a) {
    ObjectNode json = Json.object();
    a.string("type", 100).ifPresent(v -> json.put("type", v));
    a.object("redirect").ifPresent(r -> {
      ObjectNode redirect = json.putObject("redirect");
      r.uri("url", 5000).ifPresent(v -> redirect.put("url", v));
    });
    a.object("hosted").ifPresent(h -> {
      ObjectNode hosted = json.putObject("hosted");
      h.string("custom_message", 5000).ifPresent(v -> hosted.put("custom_message", v));
    });
    return json;
  }

  /**
   * The total of the line items in minor units (a fractional {@code unit_amount_decimal} total is
   * rounded half up); every price named must exist in the account and every price in
   * {@code currency}.
   */
  private static long total(State s, String account, List<Line> lines, String currency) {
    BigDecimal total = BigDecimal.ZERO;
    for (Line line : lines) {
      BigDecimal unit = line.unitAmount();
      String lineCurrency = line.currency();
      if (line.price() != null) {
        Doc price = s.doc(Doc.PRICE, account, line.price())
            .orElseThrow(() -> Errors.missingReference(line.param(), "price", line.price()));
        lineCurrency = price.json.path("currency").textValue();
        JsonNode amount = price.json.get("unit_amount");
        unit = amount != null && amount.isNumber() ? BigDecimal.valueOf(amount.longValue())
            : new BigDecimal(price.json.path("unit_amount_decimal").asText("0"));
      }
      if (lineCurrency != null && !lineCurrency.equals(currency)) {
        throw Errors.invalid(line.param(), "is in " + lineCurrency + ", not in the currency " + currency);
      }
      if (unit != null) {
        total = total.add(unit.multiply(BigDecimal.valueOf(line.quantity())));
      }
    }
    return total.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static ArrayNode lineJson(List<Line> lines) {
    ArrayNode array = Json.object().arrayNode();
    lines.forEach(l -> array.add(l.json()));
    return array;
  }

  private static void nullable(ObjectNode json, String field, Optional<String> value) {
    Account.putNullable(json, field, value.orElse(null));
  }

  // ---- checkout sessions ----

  ObjectNode createCheckout(Call call) {
    Body b = call.body();
    String currency = b.requiredCurrency("currency");
    String mode = b.requiredEnumeration("mode", "payment", "setup", "subscription");
    String uiMode = b.enumeration("ui_mode", "hosted", "embedded", "custom").orElse("hosted");
    Optional<Long> amount = b.amount("amount");
    List<Line> lines = new ArrayList<>();
    b.objects("line_items", 0, Integer.MAX_VALUE).ifPresent(items -> items.forEach(i -> lines.add(lineItem(i))));
    Optional<String> successUrl = b.uri("success_url", 5000);
    Optional<String> cancelUrl = b.uri("cancel_url", 5000);
    Optional<String> returnUrl = b.uri("return_url", 5000);
    b.strings("payment_method_types", 0, 100);
    b.enumeration("submit_type", "auto", "book", "donate", "pay", "subscribe");
    b.enumeration("billing_address_collection", "auto", "required");
    Optional<String> reference = b.string("client_reference_id", 200);
    Optional<String> clientCustomer = b.string("client_customer_id", 200);
    Optional<String> customer = b.string("customer", 100);
    Optional<String> customerEmail = b.email("customer_email", 512);
    ObjectNode hidden = Json.object().put("capture_method", "automatic");
    b.object("payment_intent_data").ifPresent(p -> {
      p.string("statement_descriptor", 22).ifPresent(v -> hidden.put("statement_descriptor", v));
      p.enumeration("capture_method", "automatic", "manual").ifPresent(v -> hidden.put("capture_method", v));
      p.enumeration("setup_future_usage", "off_session", "on_session")
          .ifPresent(v -> hidden.put("setup_future_usage", v));
    });
    Optional<ObjectNode> afterCompletion = b.object("after_completion").map(CatalogApi::afterCompletion);
    b.string("locale", 10);
    Optional<String> description = b.string("description", 5000);
    Optional<Instant> expiresAt = b.timestamp("expires_at");
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    if (customer.isPresent() && customerEmail.isPresent()) {
      throw Errors.invalid("customer_email", "send customer or customer_email, not both");
    }
    if (successUrl.isPresent() && !uiMode.equals("hosted")) {
      throw Errors.invalid("success_url", "is not allowed with ui_mode " + uiMode + " (use return_url)");
    }
    if (mode.equals("payment") && amount.isEmpty() && lines.isEmpty()) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "amount",
          "Missing required param: amount (or line_items) for mode payment.");
    }
    Set<String> expand = call.expand(Set.of("customer"));
    Instant now = call.now();
    return store.apply(s -> {
      customer.ifPresent(id -> IntentsApi.customer(s, call.account(), id, "customer"));
      long lineTotal = total(s, call.account(), lines, currency);
      String id = s.nextId("cs");
      ObjectNode json = Json.object().put("id", id);
      Account.putNullable(json, "url", uiMode.equals("hosted") ? baseUrl + "/checkout/" + id : null);
      json.put("amount_total", amount.orElse(lineTotal));
      json.set("currency", Render.currency(currency));
      json.put("mode", mode).put("ui_mode", uiMode).put("status", "open")
          .put("payment_status", mode.equals("setup") ? "no_payment_required" : "unpaid")
          .putNull("payment_intent");
      nullable(json, "customer", customer);
      nullable(json, "client_reference_id", reference);
      nullable(json, "client_customer_id", clientCustomer);
      nullable(json, "success_url", successUrl);
      nullable(json, "cancel_url", cancelUrl);
      nullable(json, "return_url", returnUrl);
      nullable(json, "description", description);
      json.put("expires_at", Render.time(expiresAt.orElse(now.plus(DEFAULT_EXPIRY))))
          .put("created", Render.time(now)).put("livemode", false).putNull("next_action");
      json.set("metadata", metadata);
      customerEmail.ifPresent(e -> hidden.put("customer_email", e));
      afterCompletion.ifPresent(a -> hidden.set("after_completion", a));
      s.docs.put(id, new Doc(id, call.account(), now, Doc.CHECKOUT, json, hidden));
      return withCustomer(s, json, expand);
    });
  }

  ObjectNode getCheckout(Call call) {
    Set<String> expand = call.expand(Set.of("customer"));
    String id = call.pathParameter(0);
    return store.apply(s -> withCustomer(s, s.doc(Doc.CHECKOUT, call.account(), id)
        .orElseThrow(() -> Errors.notFound("checkout_session", id)).json, expand));
  }

  private static ObjectNode withCustomer(State s, ObjectNode session, Set<String> expand) {
    ObjectNode json = session.deepCopy();
    String customer = json.path("customer").textValue();
    if (expand.contains("customer") && customer != null) {
      json.set("customer", s.customers.get(customer).json(s.attachedTo(customer)));
    }
    return json;
  }

  /**
   * Completes an open session as if the customer paid on the hosted page with
   * {@link TestCard#VISA}: mode {@code payment} makes and confirms a payment intent for
   * {@code amount_total} (its events first), the session becomes {@code complete},
   * {@code payment_status} {@code paid} ({@code unpaid} with manual capture, until captured) or
   * {@code no_payment_required}, then {@code checkout_session.completed}. Returns the payment
   * intent's id, or null.
   */
  static String complete(State s, String id, Instant now) {
    Doc session = s.docs.get(id);
    if (session == null || !session.kind.equals(Doc.CHECKOUT)) {
      throw new IllegalArgumentException("no checkout session " + id);
    }
    ObjectNode json = session.json;
    if (!json.path("status").asText().equals("open")) {
      throw new IllegalStateException("checkout session " + id + " is " + json.path("status").asText()
          + ", not open");
    }
    String intentId = null;
    if (json.path("mode").asText().equals("payment")) {
      Intent intent = new Intent(s.nextId("pi"), session.account(), now, json.path("amount_total").longValue(),
          json.path("currency").path("iso").asText(), session.hidden.path("capture_method").asText(),
          json.path("customer").textValue(), session.hidden.path("statement_descriptor").textValue(),
          session.hidden.path("setup_future_usage").textValue(), null, json.path("metadata").deepCopy());
      intent.checkoutId = id;
      intent.status = Intent.REQUIRES_CONFIRMATION;
      s.intents.put(intent.id(), intent);
      IntentsApi.confirm(s, intent, Method.fixture(TestCard.VISA), now);
      intentId = intent.id();
      json.put("payment_intent", intentId)
          .put("payment_status", intent.status.equals(Intent.SUCCEEDED) ? "paid" : "unpaid");
    } else {
      json.put("payment_status", "no_payment_required");
    }
    json.put("status", "complete");
    s.emit(session.account(), "checkout_session.completed", json.deepCopy(), now);
    return intentId;
  }

  // ---- subscriptions ----

  ObjectNode createSubscription(Call call) {
    Body b = call.body();
    Optional<String> currency = b.currency("currency");
    String customer = b.requiredString("customer", 1, 100);
    List<Body> items = b.objects("items", 1, 20).orElseThrow(() -> Errors.missing("items"));
    List<Line> lines = new ArrayList<>();
    for (Body item : items) {
      Optional<String> price = item.string("price", 200);
      Optional<Body> priceData = item.openObject("price_data");
      long quantity = item.integer("quantity", 1, Integer.MAX_VALUE).orElse(1L);
      ObjectNode json = Json.object();
      price.ifPresent(p -> json.put("price", p));
      String dataCurrency = null;
      if (priceData.isPresent()) {
        ObjectNode data = priceData(priceData.get());
        json.set("price_data", data);
        dataCurrency = data.path("currency").textValue();
      }
      if (price.isEmpty() && priceData.isEmpty()) {
        throw Errors.missing(item.param("price"));
      }
      json.put("quantity", quantity);
      lines.add(new Line(json, quantity, price.orElse(null), null, dataCurrency, item.param("price")));
    }
    Optional<Instant> trialEnd = b.timestamp("trial_end");
    Optional<Long> trialDays = b.integer("trial_period_days", 1, 730);
    String collection = b.enumeration("collection_method", "charge_automatically", "send_invoice")
        .orElse("charge_automatically");
    b.timestamp("billing_cycle_anchor");
    b.timestamp("cancel_at");
    boolean cancelAtPeriodEnd = b.bool("cancel_at_period_end").orElse(false);
    Optional<String> defaultMethod = b.string("default_payment_method", 100);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    if (trialEnd.isPresent() && trialDays.isPresent()) {
      throw Errors.invalid("trial_period_days", "send trial_end or trial_period_days, not both");
    }
    Instant now = call.now();
    return store.apply(s -> {
      IntentsApi.customer(s, call.account(), customer, "customer");
      defaultMethod.ifPresent(id -> s.method(call.account(), id).orElseThrow(
          () -> Errors.missingReference("default_payment_method", "payment_method", id)));
      String subscriptionCurrency = currency.orElse(null);
      for (Line line : lines) {
        String lineCurrency = line.currency();
        if (line.price() != null) {
          lineCurrency = s.doc(Doc.PRICE, call.account(), line.price())
              .orElseThrow(() -> Errors.missingReference(line.param(), "price", line.price()))
              .json.path("currency").textValue();
        }
        if (subscriptionCurrency == null) {
          subscriptionCurrency = lineCurrency;
        } else if (lineCurrency != null && !lineCurrency.equals(subscriptionCurrency)) {
          throw Errors.invalid(line.param(), "is in " + lineCurrency + ", not in " + subscriptionCurrency);
        }
      }
      if (subscriptionCurrency == null) {
        throw Errors.missing("currency");
      }
      String id = s.nextId("sub");
      Instant trial = trialEnd.orElse(trialDays.map(d -> now.plus(Duration.ofDays(d))).orElse(null));
      ObjectNode json = Json.object().put("id", id).put("status", trial == null ? "active" : "TRIALING")
          .put("customer", customer);
      json.set("currency", Render.currency(subscriptionCurrency));
      ObjectNode itemList = json.putObject("items");
      ArrayNode array = itemList.putArray("items");
      for (Line line : lines) {
        array.add(Json.object().put("id", s.nextId("si")).setAll(line.json()));
      }
      itemList.putNull("last_key");
      json.put("collection_method", collection).put("cancel_at_period_end", cancelAtPeriodEnd);
      json.set("trial_end", Render.timeOrNull(trial));
      json.put("created", Render.time(now)).put("livemode", false);
      json.set("metadata", metadata);
      s.docs.put(id, new Doc(id, call.account(), now, Doc.SUBSCRIPTION, json));
      return json.deepCopy();
    });
  }

  // ---- products and prices ----

  ObjectNode createProduct(Call call) {
    Body b = call.body();
    String name = b.requiredString("name", 1, 500);
    Optional<String> description = b.string("description", 5000);
    Optional<String> unitLabel = b.string("unit_label", 100);
    boolean active = b.bool("active").orElse(true);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    Instant now = call.now();
    return store.apply(s -> product(s, call.account(), now, name, description, unitLabel, active, metadata)
        .deepCopy());
  }

  private static ObjectNode product(State s, String account, Instant now, String name,
      Optional<String> description, Optional<String> unitLabel, boolean active, ObjectNode metadata) {
    String id = s.nextId("prod");
    ObjectNode json = Json.object().put("id", id).put("name", name);
    nullable(json, "description", description);
    nullable(json, "unit_label", unitLabel);
    json.put("active", active).put("created", Render.time(now)).put("livemode", false);
    json.set("metadata", metadata);
    s.docs.put(id, new Doc(id, account, now, Doc.PRODUCT, json));
    return json;
  }

  ObjectNode createPrice(Call call) {
    Body b = call.body();
    String currency = b.requiredCurrency("currency");
    Optional<String> product = b.string("product", 200);
    Optional<Body> productData = b.object("product_data");
    Optional<String> productName = productData.map(p -> p.requiredString("name", 1, 500));
    Optional<String> productDescription = productData.flatMap(p -> p.string("description", 5000));
    Optional<String> type = b.enumeration("type", "one_time", "recurring");
    Optional<Long> unitAmount = b.integer("unit_amount", 0, Body.MAX_AMOUNT);
    Optional<String> unitDecimal = b.matching("unit_amount_decimal", PRICE_DECIMAL, 25,
        "a decimal number with at most 12 digits on each side of the point");
    Optional<ObjectNode> recurring = b.object("recurring").map(CatalogApi::recurring);
    String scheme = b.enumeration("billing_scheme", "per_unit", "tiered").orElse("per_unit");
    Optional<String> lookupKey = b.string("lookup_key", 200);
    boolean active = b.bool("active").orElse(true);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    if (product.isEmpty() && productData.isEmpty()) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "product",
          "Missing required param: product (or product_data).");
    }
    if (product.isPresent() && productData.isPresent()) {
      throw Errors.invalid("product_data", "send product or product_data, not both");
    }
    String priceType = type.orElse(recurring.isPresent() ? "recurring" : "one_time");
    if (priceType.equals("recurring") && recurring.isEmpty()) {
      throw Errors.missing("recurring");
    }
    if (priceType.equals("one_time") && recurring.isPresent()) {
      throw Errors.invalid("recurring", "is only for type recurring");
    }
    if (unitAmount.isPresent() && unitDecimal.isPresent()) {
      throw Errors.invalid("unit_amount_decimal", "send unit_amount or unit_amount_decimal, not both");
    }
    if (scheme.equals("per_unit") && unitAmount.isEmpty() && unitDecimal.isEmpty()) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "unit_amount",
          "Missing required param: unit_amount (or unit_amount_decimal) for billing_scheme per_unit.");
    }
    Instant now = call.now();
    return store.apply(s -> {
      product.ifPresent(id -> s.doc(Doc.PRODUCT, call.account(), id)
          .orElseThrow(() -> Errors.missingReference("product", "product", id)));
      if (lookupKey.isPresent() && s.docs(Doc.PRICE, call.account()).stream()
          .anyMatch(p -> lookupKey.get().equals(p.json.path("lookup_key").textValue()))) {
        throw Errors.state("resource_already_exists", "lookup_key",
            "A price with lookup_key '" + lookupKey.get() + "' already exists.");
      }
      String productId = product.orElseGet(() -> product(s, call.account(), now, productName.get(),
          productDescription, Optional.empty(), true, Json.object()).get("id").textValue());
      String id = s.nextId("price");
      ObjectNode json = Json.object().put("id", id).put("product", productId).put("type", priceType)
          .put("currency", currency);
      if (unitAmount.isPresent()) {
        json.put("unit_amount", unitAmount.get());
      } else {
        json.putNull("unit_amount");
      }
      nullable(json, "unit_amount_decimal", unitDecimal);
      recurring.ifPresent(r -> json.set("recurring", r));
      json.put("billing_scheme", scheme);
      nullable(json, "lookup_key", lookupKey);
      json.put("active", active).put("created", Render.time(now)).put("livemode", false);
      json.set("metadata", metadata);
      s.docs.put(id, new Doc(id, call.account(), now, Doc.PRICE, json));
      return json.deepCopy();
    });
  }

  // ---- payment links ----

  ObjectNode createPaymentLink(Call call) {
    Body b = call.body();
    long amount = b.requiredAmount("amount");
    String currency = b.requiredCurrency("currency");
    Optional<ObjectNode> afterCompletion = b.object("after_completion").map(CatalogApi::afterCompletion);
    b.enumeration("billing_address_collection", "auto", "required");
    Optional<String> clientCustomer = b.string("client_customer_id", 200);
    Optional<String> reference = b.string("client_reference_id", 200);
    Optional<String> description = b.string("description", 5000);
    Optional<Instant> expiresAt = b.timestamp("expires_at");
    List<Line> lines = new ArrayList<>();
    b.objects("line_items", 0, Integer.MAX_VALUE).ifPresent(items -> items.forEach(i -> lines.add(lineItem(i))));
    String mode = b.enumeration("mode", "payment", "setup", "subscription").orElse("payment");
    Optional<String> onBehalfOf = b.string("on_behalf_of", 100);
    Optional<ObjectNode> restrictions = b.object("restrictions").map(r -> {
      Body sessions = r.requiredObject("completed_sessions");
      long limit = sessions.integer("limit", 1, Integer.MAX_VALUE)
          .orElseThrow(() -> Errors.missing(sessions.param("limit")));
      long count = sessions.integer("count", 0, Integer.MAX_VALUE).orElse(0L);
      ObjectNode json = Json.object();
      json.putObject("completed_sessions").put("limit", limit).put("count", count);
      return json;
    });
    Optional<String> locale = b.string("locale", 10);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    Instant now = call.now();
    return store.apply(s -> {
      total(s, call.account(), lines, currency);
      String id = s.nextId("plink");
      ObjectNode json = Json.object().put("id", id).put("active", true).put("amount", amount);
      json.set("currency", Render.currency(currency));
      json.put("status", "open").put("url", baseUrl + "/links/" + id).put("created", Render.time(now))
          .put("expires_at", Render.time(expiresAt.orElse(now.plus(DEFAULT_EXPIRY)))).put("livemode", false);
      nullable(json, "on_behalf_of", onBehalfOf);
      afterCompletion.ifPresent(a -> json.set("after_completion", a));
      nullable(json, "client_customer_id", clientCustomer);
      nullable(json, "client_reference_id", reference);
      nullable(json, "description", description);
      json.set("line_items", lineJson(lines));
      json.put("mode", mode).putNull("redirect_url");
      restrictions.ifPresent(r -> json.set("restrictions", r));
      nullable(json, "locale", locale);
      json.set("metadata", metadata);
      s.docs.put(id, new Doc(id, call.account(), now, Doc.PAYMENT_LINK, json));
      return json.deepCopy();
    });
  }

  ObjectNode getPaymentLink(Call call) {
    String id = call.pathParameter(0);
    return store.apply(s -> s.doc(Doc.PAYMENT_LINK, call.account(), id)
        .orElseThrow(() -> Errors.notFound("payment_link", id)).json.deepCopy());
  }

  /**
   * Filters: {@code account_id} (any of; the links are all the scoped account's), {@code status}
   * and {@code currency} (any of), {@code id}, {@code start_date}, {@code end_date}, and
   * {@code client_reference_id}, which overrides the others except the dates.
   */
  ObjectNode listPaymentLinks(Call call) {
    List<String> accounts = call.queryAll("account_id");
    Optional<Instant> start = call.queryTime("start_date");
    Optional<Instant> end = call.queryTime("end_date");
    List<String> statuses = call.queryAll("status");
    List<String> currencies = call.queryAll("currency").stream().map(c -> {
      if (!c.matches("[A-Za-z]{3}")) {
        throw Errors.invalid("currency", "'" + c + "' is not an ISO 4217 currency code");
      }
      return c.toLowerCase(java.util.Locale.ROOT);
    }).toList();
    Optional<String> reference = call.query("client_reference_id", 200);
    Optional<String> id = call.query("id", 200);
    return store.apply(s -> {
      List<Doc> links = s.docs(Doc.PAYMENT_LINK, call.account()).stream()
          .filter(d -> start.map(t -> !d.created().isBefore(t)).orElse(true))
          .filter(d -> end.map(t -> !d.created().isAfter(t)).orElse(true))
          .filter(d -> reference.isPresent()
              ? reference.get().equals(d.json.path("client_reference_id").textValue())
              : (accounts.isEmpty() || accounts.contains(call.account()))
                  && (statuses.isEmpty() || statuses.contains(d.json.path("status").asText()))
                  && (currencies.isEmpty() || currencies.contains(d.json.path("currency").path("iso").asText()))
                  && id.map(v -> v.equals(d.id())).orElse(true))
          .toList();
      return Lists.page(call, links, d -> d.json.deepCopy());
    });
  }

  // ---- payment method domains ----

  ObjectNode createDomain(Call call) {
    Body b = call.body();
    String domain = b.matching("domain_name", DOMAIN, 253, "a domain name")
        .orElseThrow(() -> Errors.missing("domain_name"));
    if (domain.isEmpty()) {
      throw Errors.invalid("domain_name", "must not be empty");
    }
    b.finish();
    Instant now = call.now();
    return store.apply(s -> {
      if (s.docs(Doc.DOMAIN, call.account()).stream()
          .anyMatch(d -> d.json.path("domain_name").asText().equalsIgnoreCase(domain))) {
        throw Errors.state("resource_already_exists", "domain_name",
            "The domain '" + domain + "' is already registered.");
      }
      String id = s.nextId("pmd");
      ObjectNode json = Json.object().put("id", id).put("domain_name", domain).put("enabled", true)
          .put("created", Render.time(now)).put("livemode", false);
      s.docs.put(id, new Doc(id, call.account(), now, Doc.DOMAIN, json));
      return json.deepCopy();
    });
  }

  /** {@code {items}}, unpaged, most recent first. */
  ObjectNode listDomains(Call call) {
    return store.apply(s -> {
      ObjectNode page = Json.object();
      ArrayNode items = page.putArray("items");
      s.docs(Doc.DOMAIN, call.account()).stream()
          .sorted(Comparator.comparing(Doc::created).thenComparing(Doc::id).reversed())
          .forEach(d -> items.add(d.json.deepCopy()));
      return page;
    });
  }
}
