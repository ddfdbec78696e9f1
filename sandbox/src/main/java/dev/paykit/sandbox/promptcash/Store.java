package dev.paykit.sandbox.promptcash;

import dev.paykit.sandbox.Digests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The simulator's state: payments by tx_id and short URLs by token, both in creation order (the
 * docs: get-payments returns payments "in the order they have been created"). Every method holds
 * this object's monitor, so a check-then-create such as "same tx_id again" is atomic even when
 * MockServer handles two requests at once on different Netty threads. Stored values are
 * immutable records, so callers may use them after the lock is released.
 */
final class Store {
  /** The outcome of {@link #createPaymentIfAbsent}: {@code existing} as in the API's answer. */
  record Created(Payment payment, boolean existing) {}

  private final Map<String, Payment> payments = new LinkedHashMap<>();
  private final Map<String, ShortUrl> shortUrls = new LinkedHashMap<>();
  private long lastPaymentId;
  private long shortUrlSequence;

  /** Stores {@code factory.apply(nextId)} unless the tx_id exists; never creates twice. */
  synchronized Created createPaymentIfAbsent(String txId, LongFunction<Payment> factory) {
    Payment stored = payments.get(txId);
    if (stored != null) {
      return new Created(stored, true);
    }
    Payment created = factory.apply(lastPaymentId + 1);
    lastPaymentId = created.id();
    payments.put(txId, created);
    return new Created(created, false);
  }

  synchronized Optional<Payment> payment(String txId) {
    return Optional.ofNullable(payments.get(txId));
  }

  synchronized List<Payment> payments() {
    return new ArrayList<>(payments.values());
  }

  synchronized int paymentCount() {
    return payments.size();
  }

  /** Replaces a payment; false when the tx_id is unknown. */
  synchronized boolean updatePayment(String txId, UnaryOperator<Payment> change) {
    return payments.computeIfPresent(txId, (id, payment) -> change.apply(payment)) != null;
  }

  /** Stores the entry built for a fresh token and returns that token. */
  synchronized String createShortUrl(Function<String, ShortUrl> factory) {
    String token;
    do {
      token = shortUrlToken(++shortUrlSequence);
    } while (shortUrls.containsKey(token));
    shortUrls.put(token, factory.apply(token));
    return token;
  }

  synchronized Optional<ShortUrl> shortUrl(String token) {
    return Optional.ofNullable(shortUrls.get(token));
  }

  synchronized boolean updateShortUrl(String token, UnaryOperator<ShortUrl> change) {
    return shortUrls.computeIfPresent(token, (t, entry) -> change.apply(entry)) != null;
  }

  synchronized boolean deleteShortUrl(String token) {
    return shortUrls.remove(token) != null;
  }

  synchronized List<ShortUrl> shortUrls() {
    return new ArrayList<>(shortUrls.values());
  }

  synchronized int shortUrlCount() {
    return shortUrls.size();
  }

  /** Forgets everything and restarts both sequences, so runs after a reset are reproducible. */
  synchronized void clear() {
    payments.clear();
    shortUrls.clear();
    lastPaymentId = 0;
    shortUrlSequence = 0;
  }

  /**
   * Six lowercase letters like the docs' "abcdef", derived from a sequence number rather than a
   * random source so that a test run always sees the same tokens.
   */
  private static String shortUrlToken(long sequence) {
    String digest = Digests.sha256Hex("surl:" + sequence);
    StringBuilder token = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      int value = Integer.parseInt(digest.substring(i * 2, i * 2 + 2), 16);
      token.append((char) ('a' + value % 26));
    }
    return token.toString();
  }
}
