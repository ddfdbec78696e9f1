package dev.paykit.prune;

import dev.paykit.core.Violation;
import dev.paykit.core.internal.RequestCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The references of the transfers and payouts a client has sent, so that one is never sent twice:
 * Prune has no idempotency keys, so the same request again is a second payment. One per client (its
 * views share it), thread-safe, bounded: the most recent {@code capacity} references are kept, the
 * oldest forgotten first.
 *
 * <p>A facade claims a reference before its call ({@link #claim}): a reference already claimed (sent, or
 * being sent by another thread) is refused, as a violation that joins the call's other ones
 * ({@link #check}, the pipeline's {@link RequestCheck} on {@code sendMoney} and {@code disburse}; it also
 * refuses a claimed reference in a call made through the generated interfaces). A claim is kept when the
 * call succeeded or its outcome is unknown, and given back when the call certainly did nothing (refused
 * before sending, or answered with a failure), so the same reference may then be tried again. A
 * successful call also records Prune's id of the transaction, for {@link #idOf}.
 */
final class References implements RequestCheck {

  /** What a reference is: claimed, and Prune's id of its transaction once known. */
  private static final class Entry {
    String transactionId;
  }

  private static final ThreadLocal<String> CLAIMED_BY_THIS_CALL = new ThreadLocal<>();

  private final int capacity;
  private final Map<String, Entry> entries;

  References(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > References.this.capacity;
      }
    };
  }

  /**
   * Claims {@code reference} for the call about to be made on this thread: true when it was free (the
   * caller must then {@link #release} or keep it), false when it is already claimed. A null reference, or
   * a client that keeps none ({@code capacity 0}), claims nothing.
   */
  boolean claim(String reference) {
    CLAIMED_BY_THIS_CALL.remove();
    if (reference == null || capacity == 0) {
      return false;
    }
    synchronized (entries) {
      if (entries.containsKey(reference)) {
        return false;
      }
      entries.put(reference, new Entry());
    }
    CLAIMED_BY_THIS_CALL.set(reference);
    return true;
  }

  /** Ends this thread's call: its claim, if any, is no longer "this call's". */
  void endCall() {
    CLAIMED_BY_THIS_CALL.remove();
  }

  /** Gives a claim back: the call certainly did nothing. */
  void release(String reference) {
    synchronized (entries) {
      entries.remove(reference);
    }
  }

  /** Records Prune's id of the transaction sent under {@code reference}. */
  void booked(String reference, String transactionId) {
    if (reference == null || transactionId == null) {
      return;
    }
    synchronized (entries) {
      Entry e = entries.get(reference);
      if (e != null) {
        e.transactionId = transactionId;
      }
    }
  }

  /** Prune's id of the transaction this client sent under {@code reference}, when an answer gave it. */
  Optional<String> idOf(String reference) {
    synchronized (entries) {
      Entry e = reference == null ? null : entries.get(reference);
      return Optional.ofNullable(e == null ? null : e.transactionId);
    }
  }

  /** Whether this client has sent (or is sending) a transfer or payout under {@code reference}. */
  boolean used(String reference) {
    synchronized (entries) {
      return reference != null && entries.containsKey(reference);
    }
  }

  /** The pipeline's check: a reference this client used, unless this very call claimed it. */
  @Override
  public void check(Request request, List<Violation> out) {
    if (request.jsonBody() == null || !request.jsonBody().path("reference").isTextual()) {
      return;
    }
    String reference = request.jsonBody().path("reference").textValue();
    if (used(reference) && !reference.equals(CLAIMED_BY_THIS_CALL.get())) {
      out.add(new Violation("reference", "unique", "was already used by this client for a transfer or payout:"
          + " Prune has no idempotency keys, so sending it again would pay again; to learn what became of"
          + " the first one, resolve it (transfers().resolve / payouts().resolve), and give a new payment a"
          + " new reference"));
    }
  }
}
