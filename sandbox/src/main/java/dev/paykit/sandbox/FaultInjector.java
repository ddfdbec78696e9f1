package dev.paykit.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.mockserver.model.ConnectionOptions;
import org.mockserver.model.HttpResponse;

/**
 * A queue of one-shot faults for the next requests a simulator receives, consumed in the order
 * they were queued (so {@code failNext(1, 503)} then {@code dropConnectionAfterProcessingNext(1)}
 * fails the first request and cuts the second). Each simulator owns one, says how its provider
 * writes an error body, and routes every request through {@link #apply} before anything else
 * (authentication included), exposing {@link #failNext} and
 * {@link #dropConnectionAfterProcessingNext} under its own name with its provider's details.
 * Sandbox machinery, not an API for the sandbox's users. Guarded by its own monitor because
 * MockServer calls back on several Netty threads.
 */
public final class FaultInjector {
  /** One queued fault. */
  sealed interface Fault permits Fail, Drop, DropUnprocessed {}

  /** Answer {@code status} without processing; Retry-After in whole seconds when present. */
  record Fail(int status, Optional<Duration> retryAfter) implements Fault {}

  /** Process, then cut the connection while the response is being sent. */
  record Drop() implements Fault {}

  /** Do not process; cut the connection part-way through an error answer (the request did nothing). */
  record DropUnprocessed() implements Fault {}

  private final Deque<Fault> queue = new ArrayDeque<>();
  private final ErrorBody errorBody;

  /** @param errorBody how the provider writes the body of an injected error status */
  public FaultInjector(ErrorBody errorBody) {
    this.errorBody = Objects.requireNonNull(errorBody, "errorBody");
  }

  /**
   * Handles one request: a queued {@link Fail} answers without calling {@code process}; a queued
   * {@link DropUnprocessed} cuts a 500 answer without calling it; a queued {@link Drop} calls it
   * (state changes) and then cuts the answer; no fault: {@code process}'s answer as is.
   *
   * @param process handles the request (authentication included)
   * @return the answer to send
   */
  public HttpResponse apply(Supplier<HttpResponse> process) {
    Optional<Fault> fault = next();
    if (fault.isPresent() && fault.get() instanceof Fail fail) {
      return failResponse(fail);
    }
    if (fault.isPresent() && fault.get() instanceof DropUnprocessed) {
      return cutMidResponse(failResponse(new Fail(500, Optional.empty())));
    }
    HttpResponse response = process.get();
    return fault.isPresent() ? cutMidResponse(response) : response;
  }

  /**
   * Queues {@code n} answers of {@code status} (400-599) with the provider's error body, and
   * {@code Retry-After} in whole seconds (rounded up) when {@code retryAfter} is present.
   *
   * @param n how many requests fail, not negative
   * @param status the HTTP status, 400-599
   * @param retryAfter the {@code Retry-After} delay, not negative; empty for no header
   * @throws IllegalArgumentException for a negative {@code n} or delay, or a status outside 400-599
   */
  public synchronized void failNext(int n, int status, Optional<Duration> retryAfter) {
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

  /**
   * Queues {@code n} requests that are processed, then cut mid-response (see {@code cutMidResponse}).
   *
   * @param n how many requests, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public synchronized void dropConnectionAfterProcessingNext(int n) {
    requireCount(n);
    for (int i = 0; i < n; i++) {
      queue.addLast(new Drop());
    }
  }

  /**
   * Queues {@code n} requests that are not processed at all, answered by a 500 with the provider's
   * error body cut mid-response as in {@code cutMidResponse}: the client cannot read an answer
   * (outcome unknown), yet nothing happened, so a retry with the same idempotency key must execute.
   *
   * @param n how many requests, not negative
   * @throws IllegalArgumentException for a negative {@code n}
   */
  public synchronized void dropConnectionBeforeProcessingNext(int n) {
    requireCount(n);
    for (int i = 0; i < n; i++) {
      queue.addLast(new DropUnprocessed());
    }
  }

  /** The fault for the request being handled now, if one is queued. */
  private synchronized Optional<Fault> next() {
    return Optional.ofNullable(queue.pollFirst());
  }

  /** Forgets every queued fault (a simulator's reset). */
  public synchronized void clear() {
    queue.clear();
  }

  private static void requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
  }

  /** The answer to a {@link Fail}: the provider's error body and, if asked for, Retry-After. */
  HttpResponse failResponse(Fail fail) {
    String message = "sandbox: injected fault (HTTP " + fail.status() + ")";
    HttpResponse response = Json.response(fail.status(), errorBody.render(fail.status(), message));
    return fail.retryAfter()
        .map(d -> response.withHeader("Retry-After", Long.toString(ceilSeconds(d))))
        .orElse(response);
  }

  /**
   * Makes MockServer cut the connection part-way through this response: the headers announce the
   * full body's Content-Length, only the first half of the body is written, then the socket closes
   * (MockServer 6.1.0 {@link ConnectionOptions}: content-length override plus close-socket).
   *
   * <p>What clients see (checked against this sandbox): the JDK {@code HttpClient} throws
   * {@code IOException: fixed content-length: N, bytes received: N/2} (cause {@code EOFException});
   * OkHttp throws {@code ProtocolException: unexpected end of stream} while reading the body, which
   * Feign reports as a plain {@code FeignException} ("unexpected end of stream reading POST ...",
   * status 200), not a {@code RetryableException}, because the status line had arrived.
   * {@code HttpURLConnection} does not notice a short body; halving the body is what keeps it from
   * reading a complete JSON document (it gets an unparsable half instead).
   *
   * <p>The handler has already run, so the server's state changed although the client got no usable
   * answer: exactly the case a retry must be safe against. A cut before any response byte (which
   * Feign would report as {@code RetryableException}) is not possible after a callback in MockServer
   * 6.1.0: {@code HttpError.withDropConnection} is a separate action that never runs the callback.
   *
   * <p>Public for a simulator that cuts one kind of answer itself rather than the next request of any
   * kind (Prune: the answer of the next transfer that was booked).
   *
   * @param response the complete answer
   * @return the same answer, set to be cut after half its body
   */
  public static HttpResponse cutMidResponse(HttpResponse response) {
    byte[] body = response.getBodyAsRawBytes() == null ? new byte[0] : response.getBodyAsRawBytes();
    return response
        .withBody(Arrays.copyOf(body, body.length / 2))
        .withConnectionOptions(
            ConnectionOptions.connectionOptions()
                .withCloseSocket(true)
                .withContentLengthHeaderOverride(body.length));
  }

  private static long ceilSeconds(Duration d) {
    long seconds = d.getSeconds();
    return d.getNano() > 0 ? seconds + 1 : seconds;
  }
}
