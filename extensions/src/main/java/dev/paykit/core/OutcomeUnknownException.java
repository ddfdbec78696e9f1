package dev.paykit.core;

/**
 * The request may have been processed, and nobody can tell yet whether it was: the connection broke
 * or timed out after the request was sent, the answer could not be read (cut off, not JSON, the wrong
 * shape, empty, an HTML page from a gateway), the provider answered a server error after an earlier
 * attempt of the same call may already have gone through, or the provider itself said it does not know
 * (e.g. ISO-8583 {@code 97}).
 *
 * <p><b>Never treat this as a failure and never submit the operation again under a new idempotency
 * key or a new reference</b>: that is how a payment is made twice. Resolve it as {@link #resolution()}
 * says: repeat the very same call with {@link #idempotencyKey()} (the provider answers with what it
 * stored for that key), repeat it with the same {@link #reference()} when the operation is idempotent
 * by that reference, or ask the provider for the state of the resource first. Repeat until the answer
 * is definite: a transient failure of the repeat (a {@code 503}, a rate limit) says nothing about the
 * earlier request, whose outcome then is still unknown.
 *
 * <p>paykit decides this once, in its core, for every operation that is not a plain read; the retries
 * of the call (same key, same reference) have already been spent when this is thrown. Provider
 * packages may subclass it to add their own detail (e.g. Prunny's transaction reference).
 */
public class OutcomeUnknownException extends PaykitException {

  private static final long serialVersionUID = 1L;

  /** The key every attempt sent, or null. */
  private final String idempotencyKey;
  /** The caller's reference of the operation, or null. */
  private final String reference;
  /** How to resolve the outcome, or null for the generic advice. */
  private final String resolution;
  /** Attempts sent, 0 when not known. */
  private final int attempts;
  /** The provider's id of what the call created, or null. */
  private final String resourceId;

  /**
   * The outcome of a call the core gave up on, with what the caller needs to resolve it.
   *
   * @param details what is known; its message should already say that the outcome is unknown
   * @param cause the last attempt's failure (earlier attempts' failures are suppressed on it), or null
   * @param idempotencyKey the key every attempt sent, or null when the operation takes none
   * @param reference the caller's own reference that makes the call idempotent or findable, or null
   * @param resolution how to find out what happened, in one sentence
   * @param attempts how many attempts were sent
   */
  public OutcomeUnknownException(ErrorDetails details, Throwable cause, String idempotencyKey,
      String reference, String resolution, int attempts) {
    this(details, cause, idempotencyKey, reference, resolution, attempts, null);
  }

  /**
   * The outcome of a call the core gave up on, with the id an unusable answer still named.
   *
   * @param details what is known; its message should already say that the outcome is unknown
   * @param cause the last attempt's failure (earlier attempts' failures are suppressed on it), or null
   * @param idempotencyKey the key every attempt sent, or null when the operation takes none
   * @param reference the caller's own reference that makes the call idempotent or findable, or null
   * @param resolution how to find out what happened, in one sentence
   * @param attempts how many attempts were sent
   * @param resourceId the id the provider gave what the call created, read from an answer that broke
   *     off or could not be used as a result ({@link #resourceId()}), or null
   */
  public OutcomeUnknownException(ErrorDetails details, Throwable cause, String idempotencyKey,
      String reference, String resolution, int attempts, String resourceId) {
    super(details.withRetryable(false).withMayHaveBeenProcessed(true), cause);
    this.idempotencyKey = idempotencyKey;
    this.reference = reference;
    this.resolution = resolution;
    this.attempts = attempts;
    this.resourceId = resourceId;
  }

  /**
   * For a provider that itself answered "unknown" (e.g. code {@code 97}), before the core adds detail.
   *
   * @param details the provider's answer
   * @param cause the exception that caused this one, or null
   */
  public OutcomeUnknownException(ErrorDetails details, Throwable cause) {
    this(details, cause, null, null, null, 0);
  }

  /** {@return the idempotency key every attempt of the call sent; repeat the call with it. Null when none} */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * The caller's reference of the operation when the spec names one (e.g. Prompt.Cash {@code tx_id},
   * Prunny {@code referenceId}), so the caller can find or repeat it. Null when none.
   *
   * @return the caller's reference, or null
   */
  public String reference() {
    return reference;
  }

  /** {@return how to resolve the outcome: repeat with the key or reference, or the status operation to ask} */
  public String resolution() {
    return resolution == null ? "ask the provider for the state of the resource before trying again"
        : resolution;
  }

  /**
   * The id the provider gave what this call created (e.g. Prune's transaction id, which its status
   * operation takes), when an answer the client could not use as a result still named it: a body cut
   * off after the id, or an answer that lacks another field the spec requires. Read only where the
   * spec says where a success answer carries it ({@code x-paykit-outcome: {id: data.id}}), only from a
   * success status, only a value that arrived whole, and never from an answer naming another reference
   * than the call's. The provider wrote it, so the call was taken on; its state is still to be asked.
   * Null when no answer named one (a lost connection, a timeout before any byte).
   *
   * @return the provider's id of the created resource, or null
   */
  public String resourceId() {
    return resourceId;
  }

  /** {@return how many attempts of the call were sent (0 when not known)} */
  public int attempts() {
    return attempts;
  }

  /** {@return always true: this is the point of the exception} */
  @Override
  public boolean requestMayHaveBeenProcessed() {
    return true;
  }
}
