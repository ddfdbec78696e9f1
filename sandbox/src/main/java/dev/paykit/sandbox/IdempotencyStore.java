package dev.paykit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.mockserver.model.HttpResponse;

/**
 * Idempotency keys for any simulator whose provider has them: the status code and body of the
 * first request with a key are saved and returned for every later request with that key, which the
 * router replays (with whatever marker header its provider uses); keys never expire. The same key
 * with a different request ({@link Fingerprint}) is a {@link Mismatch}; a key whose first request
 * is still executing is {@link Busy}. What is not saved (e.g. a request that failed validation) is
 * the provider's rule, given to {@link #run}. Sandbox machinery, not an API for the sandbox's users.
 *
 * <p>Also counts every request that carried a key, for tests. Guarded by its own monitor: claims
 * from concurrent Netty threads are atomic.
 */
public final class IdempotencyStore {
  /**
   * What a key's request was: method and path (e.g. {@code POST /v1/transfers}), and the parsed
   * body, so that spacing does not matter but every value does.
   *
   * @param target method and path, e.g. {@code POST /v1/transfers}
   * @param body the parsed request body
   */
  public record Fingerprint(String target, JsonNode body) {}

  /**
   * The saved answer; the body is never handed out, only copies.
   *
   * @param fingerprint the first request with the key
   * @param status its answer's HTTP status
   * @param body its answer's bytes
   */
  public record Saved(Fingerprint fingerprint, int status, byte[] body) {
    /** {@return a copy of the saved answer's bytes} */
    public byte[] bodyCopy() {
      return body.clone();
    }
  }

  /** The outcome of {@link #claim}. */
  public sealed interface Claim permits Fresh, Replay, Mismatch, Busy {}

  /** Nobody used the key: execute, then {@link #save} or {@link #release}. */
  public record Fresh() implements Claim {}

  /**
   * The key's first request was this one: answer the saved response.
   *
   * @param saved the saved answer
   */
  public record Replay(Saved saved) implements Claim {}

  /**
   * The key was first used for a different request.
   *
   * @param first the request the key was first used for
   */
  public record Mismatch(Fingerprint first) implements Claim {}

  /** A request with this key is executing right now. */
  public record Busy() implements Claim {}

  private final Map<String, Saved> saved = new HashMap<>();
  private final Set<String> executing = new HashSet<>();
  private final Map<String, Integer> requests = new HashMap<>();

  /**
   * Counts one request that carried {@code key} (replays and injected faults included).
   *
   * @param key the idempotency key as sent
   */
  public synchronized void count(String key) {
    requests.merge(key, 1, Integer::sum);
  }

  /**
   * How many requests {@link #count} saw with {@code key}.
   *
   * @param key the idempotency key
   * @return the count, 0 for a key never seen
   */
  public synchronized int requests(String key) {
    return requests.getOrDefault(key, 0);
  }

  /**
   * Looks the key up: the saved answer when {@code fingerprint} is the first request's, a mismatch
   * when it is not, busy while the first request is executing, otherwise a fresh claim that marks
   * the key as executing until {@link #save} or {@link #release}.
   *
   * @param key the idempotency key (a simulator may scope it, e.g. by account)
   * @param fingerprint what this request is
   * @return {@link Replay}, {@link Mismatch}, {@link Busy} or {@link Fresh}
   */
  public synchronized Claim claim(String key, Fingerprint fingerprint) {
    Saved first = saved.get(key);
    if (first != null) {
      return first.fingerprint().equals(fingerprint) ? new Replay(first) : new Mismatch(first.fingerprint());
    }
    return executing.add(key) ? new Fresh() : new Busy();
  }

  /**
   * Saves the answer of a {@link Fresh} claim.
   *
   * @param key the claimed key
   * @param fingerprint the request that claimed it
   * @param status the answer's HTTP status
   * @param body the answer's bytes; copied
   */
  public synchronized void save(String key, Fingerprint fingerprint, int status, byte[] body) {
    executing.remove(key);
    saved.put(key, new Saved(fingerprint, status, body.clone()));
  }

  /**
   * Gives up a {@link Fresh} claim without saving (e.g. the request failed validation).
   *
   * @param key the claimed key
   */
  public synchronized void release(String key) {
    executing.remove(key);
  }

  /**
   * The whole exchange for one request with a key. A {@link Fresh} claim runs {@code handler} and
   * saves its answer when {@code keep} accepts it, or releases the key when not (or when the
   * handler throws); any other claim goes to {@code otherwise} (replay the saved answer, or refuse)
   * and the handler does not run.
   *
   * @param key the idempotency key
   * @param fingerprint what this request is
   * @param handler executes the request
   * @param keep whether an answer is saved under the key (the provider's rule)
   * @param otherwise the answer for a replay, mismatch or busy claim
   * @return the handler's answer, or {@code otherwise}'s
   */
  public HttpResponse run(String key, Fingerprint fingerprint, Supplier<HttpResponse> handler,
      Predicate<HttpResponse> keep, Function<Claim, HttpResponse> otherwise) {
    Claim claim = claim(key, fingerprint);
    if (!(claim instanceof Fresh)) {
      return otherwise.apply(claim);
    }
    HttpResponse response;
    try {
      response = handler.get();
    } catch (RuntimeException | Error e) {
      release(key);
      throw e;
    }
    if (keep.test(response)) {
      save(key, fingerprint, response.getStatusCode(), response.getBodyAsRawBytes());
    } else {
      release(key);
    }
    return response;
  }

  /** Forgets every key, saved answer and count (a simulator's reset). */
  public synchronized void clear() {
    saved.clear();
    executing.clear();
    requests.clear();
  }
}
