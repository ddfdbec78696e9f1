package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Payment intents, Payments and refunds: the money-moving part of the simulator.
 *
 * <p>Status machine: created {@code requires_payment_method}, or {@code requires_confirmation}
 * with a {@code payment_method} ({@code confirm: true} confirms at once). Confirming (from those
 * two only) books a Payment: with a card that succeeds, {@code capture_method: automatic} captures
 * at once ({@code succeeded}, events {@code payment_intent.authorized} then
 * {@code payment_intent.captured}) and {@code manual} stops at {@code requires_capture} with
 * {@code amount_capturable} = amount (event {@code payment_intent.authorized}); a declining card
 * answers the card error, books a failed Payment and puts the intent back to
 * {@code requires_payment_method} without its payment method. Capture (from
 * {@code requires_capture} only) takes {@code amount_to_capture} (default: all) up to
 * {@code amount_capturable} and always ends in {@code succeeded} with {@code amount_received} the
 * captured amount; the rest of the authorization is released ({@code final_capture} is accepted,
 * every capture is final). Cancel works from every status but {@code succeeded} and
 * {@code canceled}. Any other transition is a 400 {@code payment_intent_unexpected_state}.
 */
final class IntentsApi {
  static final Set<String> INTENT_EXPANDABLE = Set.of("customer", "payment_method");
  private static final Set<String> CONFIRMABLE =
      Set.of(Intent.REQUIRES_PAYMENT_METHOD, Intent.REQUIRES_CONFIRMATION);
  private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

  private final Store store;

  IntentsApi(Store store) {
    this.store = store;
  }

  /** The answer of a confirmation: the intent's JSON, or the decline to answer as a card error. */
  private record Confirmed(ObjectNode intent, TestCard decline) {
    ObjectNode answer() {
      if (decline != null) {
        throw cardError(decline);
      }
      return intent;
    }
  }

  // ---- payment intents ----

  ObjectNode create(Call call) {
    Body b = call.body();
    long amount = b.requiredAmount("amount");
    String currency = b.requiredCurrency("currency");
    String captureMethod = b.enumeration("capture_method", "automatic", "manual").orElse("automatic");
    boolean confirm = b.bool("confirm").orElse(false);
    Optional<String> customer = b.string("customer", 100);
    Optional<JsonNode> offSession = b.any("off_session");
    Optional<String> paymentMethod = b.string("payment_method", 100);
    b.freeObject("payment_method_data");
    b.freeObject("payment_method_options");
    String setupFutureUsage = b.enumeration("setup_future_usage", "off_session", "on_session").orElse(null);
    String statementDescriptor = b.string("statement_descriptor", 22).orElse(null);
    String onBehalfOf = b.string("on_behalf_of", 100).orElse(null);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    if (offSession.isPresent()) {
      JsonNode value = offSession.get();
      boolean valid = value.isBoolean()
          || (value.isTextual() && (value.textValue().equals("one_off") || value.textValue().equals("recurring")));
      if (!valid) {
        throw Errors.invalid("off_session", "must be true, false, one_off or recurring");
      }
      if (!confirm) {
        throw Errors.invalid("off_session", "can only be sent with confirm=true");
      }
    }
    if (confirm && paymentMethod.isEmpty()) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "payment_method",
          "Missing required param: payment_method (confirm=true needs one).");
    }
    Set<String> expand = call.expand(INTENT_EXPANDABLE);
    String account = call.account();
    Instant now = call.now();
    return store.apply(s -> {
      customer.ifPresent(id -> customer(s, account, id, "customer"));
      Method method = paymentMethod.map(id -> method(s, account, id)).orElse(null);
      Intent intent = new Intent(s.nextId("pi"), account, now, amount, currency, captureMethod,
          customer.orElse(null), statementDescriptor, setupFutureUsage, onBehalfOf, metadata);
      intent.status = method == null ? Intent.REQUIRES_PAYMENT_METHOD : Intent.REQUIRES_CONFIRMATION;
      intent.paymentMethod = method == null ? null : method.id();
      s.intents.put(intent.id(), intent);
      TestCard decline = confirm ? confirm(s, intent, method, now) : null;
      return new Confirmed(render(s, intent, expand), decline);
    }).answer();
  }

  ObjectNode get(Call call) {
    Set<String> expand = call.expand(INTENT_EXPANDABLE);
    return store.apply(s -> render(s, intent(s, call), expand));
  }

  ObjectNode confirm(Call call) {
    Body b = call.body();
    Optional<String> paymentMethod = b.string("payment_method", 100);
    b.freeObject("payment_method_data");
    b.freeObject("payment_method_options");
    b.finish();
    Set<String> expand = call.expand(INTENT_EXPANDABLE);
    Instant now = call.now();
    return store.apply(s -> {
      Intent intent = intent(s, call);
      if (!CONFIRMABLE.contains(intent.status)) {
        throw unexpectedState(intent, "confirmed", "requires_payment_method or requires_confirmation");
      }
      String id = paymentMethod.orElse(intent.paymentMethod);
      if (id == null) {
        throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "payment_method",
            "Missing required param: payment_method (the payment intent has none).");
      }
      Method method = method(s, call.account(), id);
      TestCard decline = confirm(s, intent, method, now);
      return new Confirmed(render(s, intent, expand), decline);
    }).answer();
  }

  ObjectNode capture(Call call) {
    Body b = call.body();
    Optional<Long> amountToCapture = b.amount("amount_to_capture");
    b.bool("final_capture");
    b.finish();
    Set<String> expand = call.expand(INTENT_EXPANDABLE);
    Instant now = call.now();
    return store.apply(s -> {
      Intent intent = intent(s, call);
      if (!intent.status.equals(Intent.REQUIRES_CAPTURE)) {
        throw unexpectedState(intent, "captured", "requires_capture");
      }
      long amount = amountToCapture.orElse(intent.amountCapturable);
      if (amount > intent.amountCapturable) {
        throw Errors.state("amount_too_large", "amount_to_capture", "amount_to_capture (" + amount
            + ") is greater than the payment intent's amount_capturable (" + intent.amountCapturable + ").");
      }
      capture(s, intent, s.charges.get(intent.latestPayment), amount, now);
      return render(s, intent, expand);
    });
  }

  ObjectNode cancel(Call call) {
    Body b = call.body();
    Optional<String> reason = b.enumeration("cancellation_reason",
        "duplicate", "fraudulent", "requested_by_customer", "abandoned");
    b.finish();
    Set<String> expand = call.expand(INTENT_EXPANDABLE);
    Instant now = call.now();
    return store.apply(s -> {
      Intent intent = intent(s, call);
      if (intent.isFinal()) {
        throw unexpectedState(intent, "canceled", "any status but succeeded or canceled");
      }
      if (intent.status.equals(Intent.REQUIRES_CAPTURE)) {
        Charge charge = s.charges.get(intent.latestPayment);
        charge.status = "failed";
        charge.latestStatus = "canceled";
        charge.updated = now;
      }
      intent.status = Intent.CANCELED;
      intent.amountCapturable = 0;
      intent.canceledAt = now;
      intent.cancellationReason = reason.orElse("requested_by_customer");
      return render(s, intent, expand);
    });
  }

  /**
   * Books the Payment of a confirmation with {@code method}; null when the card paid, else the
   * declining card (the intent is then back to {@code requires_payment_method}).
   */
  static TestCard confirm(State s, Intent intent, Method method, Instant now) {
    Charge charge = new Charge(s.nextId("pay"), intent.account(), now, intent, method);
    s.charges.put(charge.id(), charge);
    intent.latestPayment = charge.id();
    if (method.card.declines()) {
      charge.status = "failed";
      charge.latestStatus = "declined";
      charge.failureCode = "card_declined";
      charge.failureMessage = method.card.declineMessage;
      intent.status = Intent.REQUIRES_PAYMENT_METHOD;
      intent.paymentMethod = null;
      return method.card;
    }
    intent.paymentMethod = method.id();
    charge.status = "pending";
    charge.latestStatus = "authorized";
    if (intent.setupFutureUsage != null && intent.customer != null && !method.isFixture() && method.customer == null) {
      method.customer = intent.customer;
    }
    if (intent.captureMethod.equals("manual")) {
      intent.status = Intent.REQUIRES_CAPTURE;
      intent.amountCapturable = intent.amount;
      s.emit(intent.account(), "payment_intent.authorized", intent.json(null, null), now);
    } else {
      intent.status = Intent.PROCESSING;
      s.emit(intent.account(), "payment_intent.authorized", intent.json(null, null), now);
      capture(s, intent, charge, intent.amount, now);
    }
    return null;
  }

  private static void capture(State s, Intent intent, Charge charge, long amount, Instant now) {
    charge.captured = true;
    charge.amountCaptured = amount;
    charge.status = "succeeded";
    charge.latestStatus = "captured";
    charge.updated = now;
    intent.amountReceived = amount;
    intent.amountCapturable = 0;
    intent.status = Intent.SUCCEEDED;
    s.emit(intent.account(), "payment_intent.captured", intent.json(null, null), now);
  }

  /** 400 card_error: {@code card_declined} with the card's decline, advice and network codes. */
  static ApiError cardError(TestCard card) {
    ObjectNode body = Errors.body(Errors.CARD_ERROR, "card_declined", null, card.declineMessage);
    body.put("decline_code", card.declineCode).put("advice_code", card.adviceCode)
        .put("network_decline_code", card.networkDeclineCode)
        .put("network_advice_code", card.networkAdviceCode);
    return new ApiError(400, body);
  }

  private static ApiError unexpectedState(Intent intent, String verb, String allowed) {
    return Errors.state("payment_intent_unexpected_state", null, "This PaymentIntent could not be " + verb
        + " because it has a status of " + intent.status + " (allowed: " + allowed + ").");
  }

  private static Intent intent(State s, Call call) {
    String id = call.pathParameter(0);
    return State.owned(s.intents, call.account(), id)
        .orElseThrow(() -> Errors.notFound("payment_intent", id));
  }

  static Customer customer(State s, String account, String id, String param) {
    return State.owned(s.customers, account, id)
        .orElseThrow(() -> Errors.missingReference(param, "customer", id));
  }

  private static Method method(State s, String account, String id) {
    return s.method(account, id)
        .orElseThrow(() -> Errors.missingReference("payment_method", "payment_method", id));
  }

  /** The intent with {@code customer} and {@code payment_method} expanded as asked. */
  static ObjectNode render(State s, Intent intent, Set<String> expand) {
    JsonNode customer = null;
    if (expand.contains("customer") && intent.customer != null) {
      Customer c = s.customers.get(intent.customer);
      customer = c.json(s.attachedTo(c.id()));
    }
    JsonNode method = null;
    if (expand.contains("payment_method") && intent.paymentMethod != null) {
      method = s.method(intent.account(), intent.paymentMethod).map(m -> m.json(null)).orElse(null);
    }
    return intent.json(customer, method);
  }

  // ---- payments ----

  ObjectNode getPayment(Call call) {
    call.expand(Set.of());
    String id = call.pathParameter(0);
    return store.apply(s -> State.owned(s.charges, call.account(), id)
        .orElseThrow(() -> Errors.notFound("payment", id)).json());
  }

  /**
   * {@code GET /v2/payments}. Filters: {@code customer} (any of), {@code status}, {@code currency},
   * {@code payment_method} (every Payment's is {@code card}), {@code id}, {@code start_date} and
   * {@code end_date} (inclusive), {@code livemode} ({@code true}: nothing), and
   * {@code client_reference_id} (Payments of checkout sessions with that reference; overrides the
   * other filters except the dates, as documented). {@code balance_account_id} and
   * {@code operation} are checked and do not filter: the sandbox has neither.
   */
  ObjectNode listPayments(Call call) {
    List<String> customers = call.queryAll("customer");
    customers.forEach(c -> {
      if (c.length() > 100) {
        throw Errors.invalid("customer", "must be at most 100 characters");
      }
    });
    call.query("balance_account_id", 200);
    Optional<Instant> start = call.queryTime("start_date");
    Optional<Instant> end = call.queryTime("end_date");
    Optional<String> status = call.query("status");
    status.ifPresent(v -> {
      if (!List.of("failed", "pending", "succeeded").contains(v)) {
        throw Errors.invalid("status", "must be one of failed, pending, succeeded");
      }
    });
    Optional<String> currency = call.query("currency").map(IntentsApi::currencyFilter);
    Optional<String> paymentMethod = call.query("payment_method", 200);
    call.query("operation", 200);
    Optional<String> reference = call.query("client_reference_id", 200);
    Optional<String> id = call.query("id", 200);
    Optional<Boolean> livemode = call.query("livemode").map(v -> {
      if (!v.equals("true") && !v.equals("false")) {
        throw Errors.invalid("livemode", "must be true or false");
      }
      return Boolean.valueOf(v);
    });
    return store.apply(s -> {
      Stream<Charge> charges = State.ownedBy(s.charges, call.account()).stream()
          .filter(c -> start.map(t -> !c.created().isBefore(t)).orElse(true))
          .filter(c -> end.map(t -> !c.created().isAfter(t)).orElse(true));
      if (reference.isPresent()) {
        charges = charges.filter(c -> c.checkoutId != null && s.doc(Doc.CHECKOUT, call.account(), c.checkoutId)
            .map(d -> reference.get().equals(d.json.path("client_reference_id").textValue())).orElse(false));
      } else {
        charges = charges
            .filter(c -> customers.isEmpty() || customers.contains(c.customer))
            .filter(c -> status.map(v -> v.equals(c.status)).orElse(true))
            .filter(c -> currency.map(v -> v.equals(c.currency)).orElse(true))
            .filter(c -> paymentMethod.map("card"::equals).orElse(true))
            .filter(c -> id.map(v -> v.equals(c.id())).orElse(true))
            .filter(c -> !livemode.orElse(false));
      }
      return Lists.page(call, charges.toList(), Charge::json);
    });
  }

  private static String currencyFilter(String value) {
    if (!CURRENCY.matcher(value).matches()) {
      throw Errors.invalid("currency", "'" + value + "' is not an ISO 4217 currency code");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  // ---- refunds ----

  /**
   * {@code POST /v1/refunds} by {@code payment} or {@code payment_intent} (its latest Payment); the
   * amount defaults to what is left (captured minus refunded) and may never be more.
   */
  ObjectNode createRefund(Call call) {
    Body b = call.body();
    Optional<String> payment = b.string("payment", 1, 200);
    Optional<String> paymentIntent = b.string("payment_intent", 1, 200);
    Optional<Long> amount = b.amount("amount");
    String reason = b.enumeration("reason", "duplicate", "requested_by_customer", "fraudulent").orElse(null);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    if (payment.isEmpty() && paymentIntent.isEmpty()) {
      throw Errors.error(400, Errors.INVALID_REQUEST, "parameter_missing", "payment",
          "Missing required param: payment (or payment_intent).");
    }
    String account = call.account();
    Instant now = call.now();
    return store.apply(s -> {
      Charge charge;
      String param;
      if (payment.isPresent()) {
        param = "payment";
        charge = State.owned(s.charges, account, payment.get())
            .orElseThrow(() -> Errors.missingReference("payment", "payment", payment.get()));
        if (paymentIntent.isPresent() && !paymentIntent.get().equals(charge.intent)) {
          throw Errors.invalid("payment_intent", "is not the payment intent of payment " + charge.id());
        }
      } else {
        param = "payment_intent";
        Intent intent = State.owned(s.intents, account, paymentIntent.get())
            .orElseThrow(() -> Errors.missingReference("payment_intent", "payment_intent", paymentIntent.get()));
        if (intent.latestPayment == null) {
          throw Errors.state("payment_unexpected_state", param,
              "Payment intent " + intent.id() + " has no payment to refund (status " + intent.status + ").");
        }
        charge = s.charges.get(intent.latestPayment);
      }
      if (!charge.captured) {
        throw Errors.state("payment_unexpected_state", param, "Payment " + charge.id()
            + " was not captured (latest_status " + charge.latestStatus + "): there is nothing to refund.");
      }
      long left = charge.refundable();
      if (left == 0) {
        throw Errors.state("charge_already_refunded", param,
            "Payment " + charge.id() + " has already been refunded in full.");
      }
      long refunded = amount.orElse(left);
      if (refunded > left) {
        throw Errors.state("amount_too_large", "amount", "Refund amount (" + refunded
            + ") is greater than what is left to refund of payment " + charge.id() + " (" + left + ").");
      }
      Refund refund = new Refund(s.nextId("re"), account, now, charge, refunded, reason, metadata);
      s.refunds.put(refund.id(), refund);
      charge.amountRefunded += refunded;
      charge.latestStatus = charge.refundable() == 0 ? "refunded" : "partially_refunded";
      charge.updated = now;
      return refund.json();
    });
  }

  ObjectNode getRefund(Call call) {
    String id = call.pathParameter(0);
    return store.apply(s -> State.owned(s.refunds, call.account(), id)
        .orElseThrow(() -> Errors.notFound("refund", id)).json());
  }

  /** Filters: {@code status} and {@code currency} (any of), {@code id}, {@code start_date}, {@code end_date}. */
  ObjectNode listRefunds(Call call) {
    Optional<Instant> start = call.queryTime("start_date");
    Optional<Instant> end = call.queryTime("end_date");
    List<String> statuses = call.queryAll("status");
    statuses.forEach(v -> {
      if (v.length() > 100) {
        throw Errors.invalid("status", "must be at most 100 characters");
      }
    });
    List<String> currencies = call.queryAll("currency").stream().map(IntentsApi::currencyFilter).toList();
    Optional<String> id = call.query("id", 200);
    return store.apply(s -> Lists.page(call, State.ownedBy(s.refunds, call.account()).stream()
        .filter(r -> start.map(t -> !r.created().isBefore(t)).orElse(true))
        .filter(r -> end.map(t -> !r.created().isAfter(t)).orElse(true))
        .filter(r -> statuses.isEmpty() || statuses.contains(r.status()))
        .filter(r -> currencies.isEmpty() || currencies.contains(r.currency))
        .filter(r -> id.map(v -> v.equals(r.id())).orElse(true))
        .toList(), Refund::json));
  }
}
