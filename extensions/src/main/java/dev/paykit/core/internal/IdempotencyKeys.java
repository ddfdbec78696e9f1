package dev.paykit.core.internal;

import dev.paykit.core.Violation;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Chooses the idempotency key of one logical call: the caller's when given, otherwise a new UUID v4.
 * Runs once per call, before the retry loop, so every attempt of the call sends the same key and no
 * other call ever does. Thread-safe.
 *
 * <p>A caller's key is checked: non-empty, at most 255 characters, and only {@code [A-Za-z0-9:_.-]}
 * (the widest set all our providers accept; Paypercut documents exactly this one).
 */
public final class IdempotencyKeys {

  /** Longest key accepted (Stripe and Paypercut limit keys to 255 characters). */
  public static final int MAX_LENGTH = 255;

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9:_.\\-]+");

  private final Supplier<UUID> uuids;

  public IdempotencyKeys(Supplier<UUID> uuids) {
    this.uuids = uuids;
  }

  /** Keys from {@link UUID#randomUUID()}. */
  public static IdempotencyKeys random() {
    return new IdempotencyKeys(UUID::randomUUID);
  }

  /** A fresh key for a call whose caller gave none. */
  public String generate() {
    return uuids.get().toString();
  }

  /** Why a caller's key cannot be used, if it cannot; the message never repeats the key. */
  public static Optional<Violation> check(String field, String key) {
    if (key.isEmpty()) {
      return Optional.of(new Violation(field, "minLength", "must not be empty"));
    }
    if (key.length() > MAX_LENGTH) {
      return Optional.of(new Violation(field, "maxLength",
          "must be at most " + MAX_LENGTH + " characters long (was " + key.length() + ")"));
    }
    if (!ALLOWED.matcher(key).matches()) {
      return Optional.of(new Violation(field, "pattern",
          "may only contain letters, digits and : _ . -"));
    }
    return Optional.empty();
  }
}
