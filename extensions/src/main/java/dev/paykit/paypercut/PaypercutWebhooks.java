package dev.paykit.paypercut;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.SignatureVerificationException;
import dev.paykit.core.SignatureVerificationException.Reason;
import dev.paykit.core.internal.PaykitJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the webhooks Paypercut POSTs to an endpoint and reads them as {@link WebhookEvent}s.
 * Build one per endpoint and share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 * PaypercutWebhooks webhooks = PaypercutWebhooks.builder()
 *     .secret(System.getenv("PAYPERCUT_WEBHOOK_SECRET"))          // the endpoint's current secret
 *     .secret(System.getenv("PAYPERCUT_WEBHOOK_SECRET_PREVIOUS")) // optional: while rotating
 *     .build();
 *
 * // Spring: @PostMapping(consumes = "application/json")
 * //         ResponseEntity<Void> hook(@RequestBody byte[] body, @RequestHeader HttpHeaders headers)
 * WebhookEvent event = webhooks.verify(headers::getFirst, body);   // throws when forged or stale
 * event.paymentIntent().ifPresent(pi -> ...);
 * }</pre>
 *
 * <p>The scheme (https://docs.paypercut.io/docs/accept-payments/notifications-webhooks): the header
 * {@value #SIGNATURE_HEADER} is {@code t=<unix seconds>,v1=<hex>}, where {@code v1} is the lowercase hex
 * HMAC-SHA256, keyed with the endpoint's secret (the {@code secret} that {@code POST /v1/webhooks}
 * returns, used whole, as UTF-8), of the {@code t} text, a dot, and the raw body bytes. Pass the body
 * exactly as it arrived: JSON that was parsed and written again does not verify.
 *
 * <p>Checks, in this order, each failure a {@link SignatureVerificationException} with its
 * {@link Reason}:
 * <ol>
 *   <li>the header is present and not blank ({@link Reason#MISSING_HEADER});
 *   <li>the header is {@code key=value} pairs separated by commas (spaces around them ignored, empty
 *       pairs skipped), with {@code t} exactly once as decimal digits and at least one {@code v1} of
 *       64 hex digits (either case); other keys, such as a future {@code v2}, are ignored
 *       ({@link Reason#MALFORMED_HEADER});
 *   <li>the body is not empty ({@link Reason#EMPTY_BODY});
 *   <li>some {@code v1} equals the HMAC under some configured secret ({@link Reason#NO_MATCHING_SIGNATURE}):
 *       every {@code v1} is compared with every secret's HMAC, in constant time, without stopping at the
 *       first match, so the time taken does not say which secret or which signature matched;
 *   <li>{@code |now - t| <= tolerance}, both in the past and in the future (a future timestamp is a
 *       skewed clock or a forged replay window); {@code now} comes from the {@link Clock}
 *       ({@link Reason#TIMESTAMP_OUTSIDE_TOLERANCE}). This comes after the signature, so that this
 *       reason means an authentic delivery that is old (a replay or a skewed clock), not a forgery;
 *   <li>only then is the body parsed, as an event with {@code id}, {@code type}, {@code created},
 *       {@code livemode} and a {@code data.object} ({@link Reason#MALFORMED_PAYLOAD}). An unverified body
 *       is never parsed.
 * </ol>
 *
 * <p>Several secrets may be configured: while an endpoint's secret is being rolled, a delivery signed
 * with either verifies. Secrets never appear in a message or in {@link #toString()}.
 */
public final class PaypercutWebhooks {

  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "Paypercut-Signature";

  /** The header naming one delivery attempt of an event (not covered by the signature). */
  public static final String DELIVERY_ID_HEADER = "Paypercut-Delivery-Id";

  /** The tolerance unless another is set: five minutes, as in Paypercut's official Magento plugin. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  /** The largest tolerance accepted: beyond it a timestamp no longer protects against replays. */
  public static final Duration MAX_TOLERANCE = Duration.ofHours(1);

  static final String PROVIDER = "paypercut";

  private static final String HMAC = "HmacSHA256";
  private static final int SIGNATURE_HEX_LENGTH = 64;
  /** More digits than this cannot be a Unix time in seconds that {@link Instant} can hold. */
  private static final int MAX_TIMESTAMP_DIGITS = 18;

  private final List<SecretKeySpec> keys;
  private final Duration tolerance;
  private final Clock clock;
  private final ObjectMapper mapper;

  private PaypercutWebhooks(Builder b) {
    if (b.secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook secret is required");
    }
    List<SecretKeySpec> k = new ArrayList<>();
    for (String s : b.secrets) {
      SecretKeySpec key = new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), HMAC);
      if (k.stream().noneMatch(existing -> MessageDigest.isEqual(existing.getEncoded(), key.getEncoded()))) {
        k.add(key);
      }
    }
    this.keys = List.copyOf(k);
    this.tolerance = b.tolerance;
    this.clock = b.clock;
    this.mapper = b.mapper != null ? b.mapper : PaykitJson.newMapper();
    newMac(keys.get(0)); // fail here, not on the first delivery, on a JVM without HmacSHA256
  }

  /**
   * {@return a builder: at least one {@link Builder#secret(String)}; tolerance {@link #DEFAULT_TOLERANCE}; system
   * UTC clock}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a delivery and reads its event.
   *
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header (null when absent)
   * @param rawBody the request body exactly as received
   * @return the event, once the delivery is known to be authentic and recent
   * @throws SignatureVerificationException when the delivery is not authentic, is stale, or is not an
   *     event; its {@link SignatureVerificationException#reason()} says which check failed
   */
  public WebhookEvent verify(String signatureHeader, byte[] rawBody) {
    return verify(signatureHeader, rawBody, null);
  }

  /**
   * Same as {@link #verify(String, byte[])} for a body already read as text: its UTF-8 bytes are
   * verified, so it must be the body as received, decoded as UTF-8 (Paypercut sends
   * {@code application/json}, which is UTF-8).
   *
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header (null when absent)
   * @param rawBody the request body as received, decoded as UTF-8
   * @return the event, once the delivery is known to be authentic and recent
   * @throws SignatureVerificationException as {@link #verify(String, byte[])}
   */
  public WebhookEvent verify(String signatureHeader, String rawBody) {
    return verify(signatureHeader, rawBody == null ? null : rawBody.getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * Verifies a delivery, taking its headers from a lookup by name, e.g. {@code request::getHeader}
   * (servlet) or {@code headers::getFirst} (Spring {@code HttpHeaders}); the lookup is asked for
   * {@value #SIGNATURE_HEADER} and {@value #DELIVERY_ID_HEADER} by those spellings, so it should be
   * case-insensitive, as both of those are. The delivery id, when sent, is kept in
   * {@link WebhookEvent#deliveryId()}.
   *
   * @param headerLookup the request's header by name; null values for absent headers
   * @param rawBody the request body exactly as received
   * @return the event, once the delivery is known to be authentic and recent
   * @throws SignatureVerificationException as {@link #verify(String, byte[])}
   */
  public WebhookEvent verify(Function<String, String> headerLookup, byte[] rawBody) {
    if (headerLookup == null) {
      throw failure(Reason.MISSING_HEADER, "no headers given: the " + SIGNATURE_HEADER + " header is missing");
    }
    return verify(lookup(headerLookup, SIGNATURE_HEADER), rawBody, lookup(headerLookup, DELIVERY_ID_HEADER));
  }

  /** The header by its documented spelling, else lower-cased (HTTP/2 stacks and plain maps use that). */
  private static String lookup(Function<String, String> headers, String name) {
    String v = headers.apply(name);
    return v != null ? v : headers.apply(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Verifies a delivery, taking its headers from a multi-valued map (JAX-RS {@code MultivaluedMap},
   * {@code java.net.http.HttpHeaders#map()}, ...). Names are matched ignoring case. A signature header
   * sent more than once is {@link Reason#MALFORMED_HEADER}: Paypercut sends one.
   *
   * @param headers the request's headers, each name with its values
   * @param rawBody the request body exactly as received
   * @return the event, once the delivery is known to be authentic and recent
   * @throws SignatureVerificationException as {@link #verify(String, byte[])}
   */
  public WebhookEvent verify(Map<String, ? extends Collection<String>> headers, byte[] rawBody) {
    if (headers == null) {
      throw failure(Reason.MISSING_HEADER, "no headers given: the " + SIGNATURE_HEADER + " header is missing");
    }
    List<String> signatures = values(headers, SIGNATURE_HEADER);
    if (signatures.size() > 1) {
      throw failure(Reason.MALFORMED_HEADER,
          "the " + SIGNATURE_HEADER + " header was sent " + signatures.size() + " times; Paypercut sends it once");
    }
    List<String> deliveries = values(headers, DELIVERY_ID_HEADER);
    return verify(signatures.isEmpty() ? null : signatures.get(0), rawBody,
        deliveries.isEmpty() ? null : deliveries.get(0));
  }

  private WebhookEvent verify(String signatureHeader, byte[] rawBody, String deliveryId) {
    SignatureHeader header = SignatureHeader.parse(signatureHeader);
    if (rawBody == null || rawBody.length == 0) {
      throw failure(Reason.EMPTY_BODY, "the webhook body is empty; pass the request body exactly as received");
    }
    if (!matches(header, rawBody)) {
      throw failure(Reason.NO_MATCHING_SIGNATURE, "none of the " + header.signatures().size() + " v1 signature(s) in "
          + SIGNATURE_HEADER + " matches the body under the " + keys.size() + " configured secret(s): not sent by"
          + " Paypercut, signed with another endpoint's secret, or the body was changed after it arrived");
    }
    checkTimestamp(header);
    return WebhookEvent.parse(rawBody, mapper, deliveryId);
  }

  private boolean matches(SignatureHeader header, byte[] body) {
    byte[] prefix = (header.timestampText() + ".").getBytes(StandardCharsets.US_ASCII);
    boolean matched = false;
    for (SecretKeySpec key : keys) {
      Mac mac = newMac(key);
      mac.update(prefix);
      byte[] expected = mac.doFinal(body);
      for (byte[] given : header.signatures()) {
        matched |= MessageDigest.isEqual(expected, given);
      }
    }
    return matched;
  }

  private void checkTimestamp(SignatureHeader header) {
    Instant now = clock.instant();
    // whole seconds, as t is: a delivery signed at 10:00:00.9 carries t=...00, so counting the clock's
    // fraction would reject it up to a second early (Paypercut's Magento plugin and stripe-java compare
    // whole seconds too); t has at most 18 digits, so the difference cannot overflow
    Duration age = Duration.ofSeconds(now.getEpochSecond() - header.timestamp());
    if (age.abs().getSeconds() > tolerance.getSeconds()) {
      throw failure(Reason.TIMESTAMP_OUTSIDE_TOLERANCE, SIGNATURE_HEADER + " timestamp " + header.timestampText()
          + " is " + seconds(age.abs()) + " s " + (age.isNegative() ? "in the future" : "old")
          + "; tolerance is " + seconds(tolerance) + " s (a replayed delivery, or a clock that is not in sync)");
    }
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
        .stripTrailingZeros().toPlainString();
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is required of every JVM", e);
    }
  }

  private static List<String> values(Map<String, ? extends Collection<String>> headers, String name) {
    List<String> out = new ArrayList<>();
    headers.forEach((k, v) -> {
      if (k != null && k.equalsIgnoreCase(name) && v != null) {
        v.stream().filter(Objects::nonNull).forEach(out::add);
      }
    });
    return out;
  }

  static SignatureVerificationException failure(Reason reason, String message) {
    return new SignatureVerificationException(PROVIDER, reason, message, null);
  }

  /** The configuration without the secrets. */
  @Override
  public String toString() {
    return "PaypercutWebhooks[secrets=" + keys.size() + " x [REDACTED], tolerance=" + tolerance + ", clock=" + clock + "]";
  }

  /** Builder of {@link PaypercutWebhooks}; not thread-safe. {@link #toString()} never shows the secrets. */
  public static final class Builder {
    private final List<String> secrets = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();
    private ObjectMapper mapper;

    private Builder() {}

    /**
     * Adds an endpoint signing secret, as Paypercut gave it (whole, prefix included). Call it again for
     * each other secret that is still valid, e.g. the previous one while rolling secrets.
     *
     * @param secret the endpoint's signing secret
     * @return this builder
     * @throws IllegalArgumentException when the secret is null, blank, or has spaces or line breaks
     *     around it (usually a copy-and-paste slip); the message does not show the secret
     */
    public Builder secret(String secret) {
      int n = secrets.size() + 1;
      if (secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("webhook secret #" + n + " is null or blank");
      }
      if (!secret.strip().equals(secret)) {
        throw new IllegalArgumentException("webhook secret #" + n
            + " starts or ends with whitespace (a line break from a file or an environment variable?)");
      }
      secrets.add(secret);
      return this;
    }

    /**
     * Adds each of these secrets, as {@link #secret(String)} does.
     *
     * @param all the secrets, each checked as {@link #secret(String)} checks it
     * @return this builder
     * @throws IllegalArgumentException when {@code all} is null or a secret is not acceptable
     */
    public Builder secrets(Collection<String> all) {
      if (all == null) {
        throw new IllegalArgumentException("webhook secrets must not be null");
      }
      all.forEach(this::secret);
      return this;
    }

    /**
     * How far the signed timestamp may be from now, in either direction; {@link #DEFAULT_TOLERANCE}
     * unless set. Must be positive and at most {@link #MAX_TOLERANCE}.
     *
     * @param v positive, at most {@link #MAX_TOLERANCE}
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is null, not positive or longer than {@link #MAX_TOLERANCE}
     */
    public Builder tolerance(Duration v) {
      if (v == null || v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("tolerance must be positive, was " + v);
      }
      if (v.compareTo(MAX_TOLERANCE) > 0) {
        throw new IllegalArgumentException("tolerance " + v + " is longer than " + MAX_TOLERANCE
            + ": a timestamp that old no longer guards against replays");
      }
      this.tolerance = v;
      return this;
    }

    /**
     * The clock that says what "now" is; the system UTC clock unless set.
     *
     * @param v the clock; a fixed one in tests
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is null
     */
    public Builder clock(Clock v) {
      if (v == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = v;
      return this;
    }

    /** The client's mapper, so that events read as its answers do; a new paykit mapper unless set. */
    Builder mapper(ObjectMapper v) {
      this.mapper = Objects.requireNonNull(v, "mapper");
      return this;
    }

    /**
     * The verifier; thread-safe.
     *
     * @return the verifier, holding the secrets given
     * @throws IllegalArgumentException when no secret was given
     */
    public PaypercutWebhooks build() {
      return new PaypercutWebhooks(this);
    }

    @Override
    public String toString() {
      return "PaypercutWebhooks.Builder[secrets=" + secrets.size() + " x [REDACTED], tolerance=" + tolerance + "]";
    }
  }

  /** The parsed {@value #SIGNATURE_HEADER}: the timestamp as sent and as a number, and every v1 signature. */
  record SignatureHeader(String timestampText, long timestamp, List<byte[]> signatures) {

    static SignatureHeader parse(String header) {
      if (header == null || header.isBlank()) {
        throw failure(Reason.MISSING_HEADER, "the " + SIGNATURE_HEADER + " header is missing"
            + (header == null ? "" : " (blank)") + "; every Paypercut webhook carries one");
      }
      String timestampText = null;
      List<byte[]> signatures = new ArrayList<>();
      int unusable = 0;
      int index = 0;
      for (String raw : header.split(",", -1)) {
        index++;
        String part = raw.strip();
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw malformed("element " + index + " is not key=value");
        }
        String key = part.substring(0, eq).strip();
        String value = part.substring(eq + 1).strip();
        if (key.equals("t")) {
          if (timestampText != null) {
            throw malformed("t appears more than once");
          }
          if (!isDigits(value, MAX_TIMESTAMP_DIGITS)) {
            throw malformed("t is not a Unix time in seconds (1 to " + MAX_TIMESTAMP_DIGITS + " decimal digits)");
          }
          timestampText = value;
        } else if (key.equals("v1")) {
          if (value.length() != SIGNATURE_HEX_LENGTH || !isHex(value)) {
            unusable++; // not a signature of this scheme; another v1 beside it may still be
            continue;
          }
          signatures.add(java.util.HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)));
        }
        // any other key (a later scheme such as v2) is not ours to judge
      }
      if (timestampText == null) {
        throw malformed("it has no t= timestamp");
      }
      if (signatures.isEmpty()) {
        throw malformed(unusable == 0 ? "it has no v1= signature"
            : "none of its " + unusable + " v1 value(s) is " + SIGNATURE_HEX_LENGTH + " hex digits");
      }
      return new SignatureHeader(timestampText, Long.parseLong(timestampText), List.copyOf(signatures));
    }

    private static SignatureVerificationException malformed(String what) {
      return failure(Reason.MALFORMED_HEADER, "the " + SIGNATURE_HEADER + " header is malformed: " + what
          + "; expected t=<unix seconds>,v1=<64 hex digits>");
    }

    private static boolean isDigits(String s, int maxLength) {
      if (s.isEmpty() || s.length() > maxLength) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }

    private static boolean isHex(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return "SignatureHeader[t=" + timestampText + ", v1 x " + signatures.size() + "]";
    }
  }
}
