package dev.paykit.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.mockserver.model.ConnectionOptions;
import org.mockserver.model.HttpResponse;

/**
 * A queue of one-shot faults for the next requests a simulator receives, consumed in the order
 * they were queued (so {@code failNext(1, 503)} then {@code dropConnectionAfterProcessingNext(1)}
 * fails the first request and cuts the second). Guarded by its own monitor because MockServer
 * calls back on several Netty threads.
 */
final class FaultInjector {
  /** One queued fault. */
  sealed interface Fault permits Fail, Drop {}

  /** Answer {@code status} without processing; Retry-After in whole seconds when present. */
  record Fail(int status, Optional<Duration> retryAfter) implements Fault {}

  /** Process, then cut the connection while the response is being sent. */
  record Drop() implements Fault {}

  /**
   * How much longer than the real body the announced Content-Length is. Any positive number works:
   * the client waits for bytes that never come and then sees the socket close.
   */
  private static final int MISSING_BYTES = 100;

  private final Deque<Fault> queue = new ArrayDeque<>();

  synchronized void failNext(int n, int status, Optional<Duration> retryAfter) {
    requireCount(n);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP error (400-599): " + status);
    }
    retryAfter.ifPresent(d -> {
      if (d.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative: " + d);
      }
    });
    for (int i = 0; i < n; i++) {
      queue.addLast(new Fail(status, retryAfter));
    }
  }

  synchronized void dropConnectionAfterProcessingNext(int n) {
    requireCount(n);
    for (int i = 0; i < n; i++) {
      queue.addLast(new Drop());
    }
  }

  /** The fault for the request being handled now, if one is queued. */
  synchronized Optional<Fault> next() {
    return Optional.ofNullable(queue.pollFirst());
  }

  synchronized void clear() {
    queue.clear();
  }

  private static void requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
  }

  /** The answer to a {@link Fail}: {@code {"error": ...}} and, if asked for, Retry-After. */
  static HttpResponse failResponse(Fail fail) {
    HttpResponse response =
        Json.response(fail.status(), Json.error("sandbox: injected fault (HTTP " + fail.status() + ")"));
    return fail.retryAfter()
        .map(d -> response.withHeader("Retry-After", Long.toString(ceilSeconds(d))))
        .orElse(response);
  }

  /**
   * Makes MockServer cut the connection part-way through this response: it announces a
   * Content-Length {@value #MISSING_BYTES} bytes larger than the body, writes the headers and the
   * real body, and closes the socket. The client has the status line but can never read the whole
   * body, so it fails with an {@code IOException} (the JDK client says
   * {@code "fixed content-length: N, bytes received: M"}, caused by {@code EOFException}). The
   * handler has already run, so the server's state changed although the client saw no answer:
   * exactly the case a retry must be safe against.
   */
  static HttpResponse cutMidResponse(HttpResponse response) {
    int bodyLength = response.getBodyAsRawBytes() == null ? 0 : response.getBodyAsRawBytes().length;
    return response.withConnectionOptions(
        ConnectionOptions.connectionOptions()
            .withCloseSocket(true)
            .withContentLengthHeaderOverride(bodyLength + MISSING_BYTES));
  }

  private static long ceilSeconds(Duration d) {
    long seconds = d.getSeconds();
    return d.getNano() > 0 ? seconds + 1 : seconds;
  }
}
