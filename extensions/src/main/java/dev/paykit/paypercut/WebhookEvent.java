package dev.paykit.paypercut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.SignatureVerificationException;
import dev.paykit.core.SignatureVerificationException.Reason;
import dev.paykit.paypercut.model.Account;
import dev.paykit.paypercut.model.CheckoutSession;
import dev.paykit.paypercut.model.EventType;
import dev.paykit.paypercut.model.ExternalAccount;
import dev.paykit.paypercut.model.PaymentIntent;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One verified Paypercut event, as a webhook delivers it and as {@code GET /v1/events/{id}} returns it
 * (https://docs.paypercut.io/api-reference/model/Event): {@code id}, {@code type}, {@code created},
 * {@code livemode}, {@code account}, {@code api_version} and {@code data.object}, the resource the event
 * is about. Immutable and thread-safe: every accessor of the body's JSON returns a fresh copy.
 *
 * <p>Only {@link PaypercutWebhooks} makes these, after the signature was verified.
 *
 * <p>{@code data.object} is typed by the event's type: {@code payment_intent.*} events carry a
 * {@link PaymentIntent} ({@link #paymentIntent()}), {@code checkout_session.*} a {@link CheckoutSession},
 * {@code account.updated} an {@link Account} and {@code account.external_account.*} an
 * {@link ExternalAccount}; it is read as that model when the event is verified, so a body whose object
 * does not fit its type fails then. Other types ({@code invoice.*}, types Paypercut adds later) are read
 * through {@link #dataObject()} or {@link #dataObject(Class)}. An event whose type paykit does not know
 * still verifies and reads: its {@link #knownType()} is {@link EventType#UNKNOWN_DEFAULT_OPEN_API} and
 * {@link #type()} keeps the wire name.
 */
public final class WebhookEvent {

  /** What a delivery id header may look like to be kept: it is not signed, so nothing else reaches a log. */
  private static final Pattern DELIVERY_ID = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final String id;
  private final String type;
  private final EventType knownType;
  private final OffsetDateTime created;
  private final boolean livemode;
  private final String account;
  private final String apiVersion;
  private final String deliveryId;
  private final JsonNode data;
  private final ObjectMapper mapper;

  private WebhookEvent(JsonNode root, OffsetDateTime created, ObjectMapper mapper, String deliveryId) {
    this.id = root.get("id").textValue();
    this.type = root.get("type").textValue();
    this.knownType = EventType.fromValue(type);
    this.created = created;
    this.livemode = root.get("livemode").booleanValue();
    this.account = optionalText(root, "account");
    this.apiVersion = optionalText(root, "api_version");
    this.deliveryId = deliveryId == null || !DELIVERY_ID.matcher(deliveryId.strip()).matches()
        ? null : deliveryId.strip();
    this.data = root.get("data").deepCopy();
    this.mapper = mapper;
  }

  /**
   * Reads a verified body. Called only after the signature matched.
   *
   * @throws SignatureVerificationException ({@link Reason#MALFORMED_PAYLOAD}) naming every missing or
   *     mistyped field, or when the body is not one JSON object
   */
  static WebhookEvent parse(byte[] body, ObjectMapper mapper, String deliveryId) {
    JsonNode root;
    try {
      root = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
    } catch (IOException e) {
      throw malformed("it is not valid JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw malformed("it is not a JSON object", null);
    }
    List<String> problems = new ArrayList<>();
    requireText(root, "id", problems);
    requireText(root, "type", problems);
    OffsetDateTime created = readCreated(root.get("created"), problems);
    JsonNode livemode = root.get("livemode");
    if (livemode == null || livemode.isNull()) {
      problems.add("livemode is missing");
    } else if (!livemode.isBoolean()) {
      problems.add("livemode is not a boolean");
    }
    for (String optional : List.of("account", "api_version")) {
      JsonNode n = root.get(optional);
      if (n != null && !n.isNull() && !n.isTextual()) {
        problems.add(optional + " is not a string");
      }
    }
    JsonNode data = root.get("data");
    if (data == null || data.isNull()) {
      problems.add("data is missing");
    } else if (!data.isObject()) {
      problems.add("data is not an object");
    } else if (data.get("object") == null || data.get("object").isNull()) {
      problems.add("data.object is missing");
    } else if (!data.get("object").isObject()) {
      problems.add("data.object is not an object");
    }
    if (!problems.isEmpty()) {
      throw malformed("it is not a Paypercut event: " + String.join("; ", problems), null);
    }
    WebhookEvent event = new WebhookEvent(root, created, mapper, deliveryId);
    event.checkTypedObject();
    return event;
  }

  /** {@return the event id: the same on every delivery of this event, so deduplicate on it} */
  public String id() {
    return id;
  }

  /** {@return the event type as sent, e.g. {@code payment_intent.captured}, also when paykit does not know it} */
  public String type() {
    return type;
  }

  /**
   * The documented type this is (the spec's {@code EventType}, also used for {@code enabled_events} when
   * creating a webhook endpoint), or {@link EventType#UNKNOWN_DEFAULT_OPEN_API} for a type paykit does
   * not know.
   *
   * @return the known type, or {@link EventType#UNKNOWN_DEFAULT_OPEN_API}
   */
  public EventType knownType() {
    return knownType;
  }

  /** {@return when the event happened, with the offset Paypercut sent} */
  public OffsetDateTime created() {
    return created;
  }

  /** {@return true for live-mode events, false for test-mode ones} */
  public boolean livemode() {
    return livemode;
  }

  /** {@return the connected account the event belongs to ({@code account}), when it is one} */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /** {@return the API version the event's data is rendered in ({@code api_version}, e.g. {@code v1}), when sent} */
  public Optional<String> apiVersion() {
    return Optional.ofNullable(apiVersion);
  }

  /**
   * The {@value PaypercutWebhooks#DELIVERY_ID_HEADER} header, when the event was verified with its
   * headers ({@link PaypercutWebhooks#verify(java.util.function.Function, byte[])}). It names one delivery
   * attempt and is <em>not</em> covered by the signature: log it, but deduplicate on {@link #id()}. Kept
   * only when it is 1 to 255 printable ASCII characters.
   *
   * @return the delivery id, when sent and well-formed
   */
  public Optional<String> deliveryId() {
    return Optional.ofNullable(deliveryId);
  }

  /** {@return the event's {@code data} (a copy), holding {@code object} and whatever else Paypercut sends beside it} */
  public JsonNode data() {
    return data.deepCopy();
  }

  /** {@return the event's {@code data.object} (a copy): the resource the event is about} */
  public JsonNode dataObject() {
    return data.get("object").deepCopy();
  }

  /**
   * {@code data.object} read as {@code type}, with paykit's JSON settings (unknown fields ignored, exact
   * decimals, offsets kept).
   *
   * @param <T> the model type
   * @param type a generated model, e.g. {@code PaymentIntent}
   * @return the object as {@code type}
   * @throws SignatureVerificationException ({@link Reason#MALFORMED_PAYLOAD}) when it does not read as
   *     that type
   * @throws IllegalArgumentException when {@code type} is null
   */
  public <T> T dataObject(Class<T> type) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    try {
      return mapper.treeToValue(data.get("object"), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw malformed("data.object of " + this.type + " event " + id + " does not read as "
          + type.getSimpleName() + location(e), e);
    }
  }

  /** {@return {@code data.object} of a {@code payment_intent.*} event; empty for other types} */
  public Optional<PaymentIntent> paymentIntent() {
    return typed(PaymentIntent.class);
  }

  /** {@return {@code data.object} of a {@code checkout_session.*} event; empty for other types} */
  public Optional<CheckoutSession> checkoutSession() {
    return typed(CheckoutSession.class);
  }

  /** {@return {@code data.object} of an {@code account.updated} event; empty for other types} */
  public Optional<Account> updatedAccount() {
    return typed(Account.class);
  }

  /**
   * {@return {@code data.object} of an {@code account.external_account.*} event (a bank account); empty for other
   * types}
   */
  public Optional<ExternalAccount> externalAccount() {
    return typed(ExternalAccount.class);
  }

  /**
   * The model class {@code data.object} is read as for this event's type: decided by the type's prefix,
   * so that a type Paypercut adds to a family (e.g. {@code payment_intent.canceled}) reads as that family.
   */
  Optional<Class<?>> typedObjectClass() {
    if (type.startsWith("payment_intent.")) {
      return Optional.of(PaymentIntent.class);
    }
    if (type.startsWith("checkout_session.")) {
      return Optional.of(CheckoutSession.class);
    }
    if (type.equals("account.updated")) {
      return Optional.of(Account.class);
    }
    if (type.startsWith("account.external_account.")) {
      return Optional.of(ExternalAccount.class);
    }
    return Optional.empty();
  }

  /** A new copy each time: the generated models are mutable. */
  private <T> Optional<T> typed(Class<T> model) {
    return typedObjectClass().filter(model::equals).map(c -> dataObject(model));
  }

  /**
   * The typed {@code data.object} reads as its model and carries what the spec's schema of that model
   * requires (a payment intent's id, amount, currency and status): an object without them is no event
   * to act on.
   */
  private void checkTypedObject() {
    typedObjectClass().ifPresent(model -> {
      dataObject(model);
      JsonNode schema = dev.paykit.core.internal.spec.ApiSpec.load(PaypercutWebhooks.PROVIDER)
          .resolve(mapper.createObjectNode().put("$ref", "#/components/schemas/" + model.getSimpleName()));
      JsonNode object = data.get("object");
      List<String> missing = new java.util.ArrayList<>();
      for (JsonNode field : schema.path("required")) {
        JsonNode v = object.get(field.asText());
        if (v == null || v.isNull()) {
          missing.add(field.asText());
        }
      }
      if (!missing.isEmpty()) {
        throw malformed("data.object of " + type + " event " + id + " lacks " + String.join(", ", missing)
            + ", which a " + model.getSimpleName() + " always has", null);
      }
    });
  }

  private static String location(Exception e) {
    if (e instanceof JsonProcessingException j && j.getOriginalMessage() != null) {
      return ": " + j.getOriginalMessage();
    }
    return "";
  }

  private static OffsetDateTime readCreated(JsonNode n, List<String> problems) {
    if (n == null || n.isNull()) {
      problems.add("created is missing");
      return null;
    }
    if (n.isTextual()) {
      try {
        return OffsetDateTime.parse(n.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        problems.add("created is not an RFC 3339 date-time");
        return null;
      }
    }
    // Some of Paypercut's model descriptions say "seconds since the Unix epoch": read that form too.
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      long seconds = n.longValue();
      if (seconds >= Instant.MIN.getEpochSecond() && seconds <= Instant.MAX.getEpochSecond()) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
      }
    }
    problems.add("created is neither an RFC 3339 date-time nor Unix seconds");
    return null;
  }

  private static void requireText(JsonNode root, String name, List<String> problems) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      problems.add(name + " is missing");
    } else if (!n.isTextual()) {
      problems.add(name + " is not a string");
    } else if (n.textValue().isBlank()) {
      problems.add(name + " is blank");
    }
  }

  private static String optionalText(JsonNode root, String name) {
    JsonNode n = root.get(name);
    return n == null || n.isNull() ? null : n.textValue();
  }

  private static SignatureVerificationException malformed(String what, Throwable cause) {
    return new SignatureVerificationException(PaypercutWebhooks.PROVIDER, Reason.MALFORMED_PAYLOAD,
        "authentic webhook body, but " + what, cause);
  }

  /** Identity and type only: the data may hold personal details. */
  @Override
  public String toString() {
    return "WebhookEvent[id=" + id + ", type=" + type + ", created=" + created + ", livemode=" + livemode
        + (account == null ? "" : ", account=" + account)
        + (deliveryId == null ? "" : ", deliveryId=" + deliveryId) + "]";
  }
}
