package dev.paykit.core.internal;

import dev.paykit.core.ApiException;
import dev.paykit.core.ConnectionException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.Redactor;
import dev.paykit.core.TimeoutException;
import dev.paykit.core.TransportException;
import dev.paykit.core.UnexpectedResponseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import feign.FeignException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Turns what Feign throws for one attempt into a paykit exception, deciding whether the provider may
 * have acted on the request. Stateless and thread-safe.
 *
 * <ul>
 *   <li>connection refused, unknown host, no route, connect timeout: nothing was sent, so the
 *       failure is retryable even for operations that are not safe to repeat;
 *   <li>read timeout, connection reset or closed mid-response: the request was sent and the outcome is
 *       unknown; retryable only for operations safe to repeat;
 *   <li>a request that could not be encoded: nothing was sent; not retryable;
 *   <li>anything else Feign raised (e.g. an unreadable success body): not retryable.
 * </ul>
 */
public final class FailureTranslator {

  private final String provider;
  private final Redactor redactor;

  public FailureTranslator(String provider, Redactor redactor) {
    this.provider = provider;
    this.redactor = redactor;
  }

  public PaykitException translate(Throwable failure, String operationId) {
    for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof Error e) {
        throw e; // OutOfMemoryError, StackOverflowError...: never dressed up as an answer
      }
      if (c instanceof PaykitException p) {
        return p; // also when Feign wrapped a decoder's exception in a DecodeException
      }
    }
    if (failure instanceof EncodeException) {
      // the request could not be written: nothing was sent, and sending it again cannot help
      ErrorDetails d = ErrorDetails.builder(provider).operationId(operationId)
          .providerMessage(redactor.redact("request could not be encoded: " + failure.getMessage()))
          .mayHaveBeenProcessed(false).build();
      return new ApiException(d, null);
    }
    IOException io = ioCause(failure);
    if (io != null) {
      return transport(io, operationId);
    }
    String message = failure instanceof FeignException fe
        ? "unexpected response: " + fe.getClass().getSimpleName() + " " + fe.getMessage()
        : "unexpected failure: " + failure;
    int status = failure instanceof FeignException fe ? Math.max(fe.status(), 0) : 0;
    ErrorDetails d = ErrorDetails.builder(provider).operationId(operationId).httpStatus(status)
        .providerMessage(redactor.redact(message)).build();
    return new UnexpectedResponseException(d, scrubbed(failure));
  }

  private TransportException transport(IOException io, String operationId) {
    CallContext call = CallContext.current();
    // the call's own deadline, not a read timeout: OkHttp reports its call timeout as a plain
    // InterruptedIOException("timeout"), its read timeout as a SocketTimeoutException with the same
    // message (retryable, not the deadline); a deadline already past settles it whatever the exception
    boolean deadline = io instanceof OkHttpTransport.DeadlineExceeded
        || (io instanceof java.io.InterruptedIOException && !(io instanceof SocketTimeoutException)
            && "timeout".equals(io.getMessage()))
        || (call != null && call.remainingNanos() <= 0);
    // The transport marks the attempt once it starts writing the request; before that, whatever failed
    // (DNS, connect, TLS, the deadline), the provider cannot have seen the request.
    boolean notSent = io instanceof ConnectException
        || io instanceof UnknownHostException
        || io instanceof NoRouteToHostException
        || io instanceof OkHttpTransport.DeadlineExceeded
        || (call != null && !call.attemptSent())
        || (call == null && io instanceof SocketTimeoutException
            && String.valueOf(io.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect"));
    String what = deadline
        ? (notSent ? "the call's deadline passed before the request was sent"
            : "the call's deadline passed after the request was sent, so its outcome is unknown")
        : notSent
        ? "could not connect; the request was not sent"
        : "the request was sent but no complete response arrived, so its outcome is unknown";
    String message = what + " (" + io.getClass().getSimpleName() + ": " + io.getMessage() + ")";
    ErrorDetails d = ErrorDetails.builder(provider).operationId(operationId)
        .providerMessage(redactor.redact(message)).retryable(true).mayHaveBeenProcessed(!notSent).build();
    if (deadline) {
      // the whole call's time is spent: retrying cannot help
      return new TimeoutException(d.withRetryable(false), io);
    }
    return io instanceof SocketTimeoutException && !notSent
        ? new TimeoutException(d, io)
        : new ConnectionException(d, io);
  }

  /**
   * The I/O failure behind a Feign exception, if any. A Jackson parse error is an {@code IOException}
   * too, but it means an unreadable body, not a broken connection, so it does not count.
   */
  private static IOException ioCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof JsonProcessingException) {
        return null;
      }
      if (c instanceof IOException io) {
        return io;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /**
   * Feign's exceptions carry the request and response, which may hold secrets (the Authorization
   * header, a signed body); they are not kept as causes.
   */
  private static Throwable scrubbed(Throwable failure) {
    return failure instanceof FeignException ? null : failure;
  }
}
