package dev.paykit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Prunny's idempotency (docs "Idempotency"): the status code and body of the first request with a
 * key are saved, whatever they were, and returned for every later request with that key; keys never
 * expire. Nothing is saved for a request that failed validation or that arrived while another with
 * the same key was executing. The same key with a different request is refused.
 *
 * <p>Also counts every request that carried a key, for tests. Guarded by its own monitor: claims
 * from concurrent Netty threads are atomic.
 */
final class IdempotencyStore {
  /** What a key's request was: method and path, and the parsed body (spacing does not matter). */
  record Fingerprint(String target, JsonNode body) {}

  /** The saved answer; the body is never handed out, only copies. */
  record Saved(Fingerprint fingerprint, int status, byte[] body) {
    byte[] bodyCopy() {
      return body.clone();
    }
  }

  /** The outcome of {@link #claim}. */
  sealed interface Claim permits Fresh, Replay, Mismatch, Busy {}

  /** Nobody used the key: execute, then {@link #save} or {@link #release}. */
  record Fresh() implements Claim {}

  /** The key's first request was this one: answer the saved response. */
  record Replay(Saved saved) implements Claim {}

  /** The key was first used for a different request. */
  record Mismatch(Fingerprint first) implements Claim {}

  /** A request with this key is executing right now. */
  record Busy() implements Claim {}

  private final Map<String, Saved> saved = new HashMap<>();
  private final Set<String> executing = new HashSet<>();
  private final Map<String, Integer> requests = new HashMap<>();

  synchronized void count(String key) {
    requests.merge(key, 1, Integer::sum);
  }

  synchronized int requests(String key) {
    return requests.getOrDefault(key, 0);
  }

  synchronized Claim claim(String key, Fingerprint fingerprint) {
    Saved first = saved.get(key);
    if (first != null) {
      return first.fingerprint().equals(fingerprint) ? new Replay(first) : new Mismatch(first.fingerprint());
    }
    return executing.add(key) ? new Fresh() : new Busy();
  }

  /** Saves the answer of a {@link Fresh} claim. */
  synchronized void save(String key, Fingerprint fingerprint, int status, byte[] body) {
    executing.remove(key);
    saved.put(key, new Saved(fingerprint, status, body.clone()));
  }

  /** Gives up a {@link Fresh} claim without saving (the request failed validation). */
  synchronized void release(String key) {
    executing.remove(key);
  }

  synchronized void clear() {
    saved.clear();
    executing.clear();
    requests.clear();
  }
}
