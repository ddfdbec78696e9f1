package dev.paykit.core.internal;

import dev.paykit.core.internal.Redactor;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's wire log through SLF4J (logger {@code dev.paykit.wire.<provider>}, DEBUG), with every line
 * passed through the client's {@link Redactor}: secrets, {@code Authorization} and signature values
 * never reach the log. Thread-safe.
 */
public final class RedactingLogger extends feign.Logger {

  /** At most this much of a body is logged (and held in memory for the log). */
  static final int MAX_LOGGED_BODY = 64 * 1024;

  private final Logger log;
  private final Redactor redactor;

  public RedactingLogger(String provider, Redactor redactor) {
    this.log = LoggerFactory.getLogger("dev.paykit.wire." + provider);
    this.redactor = redactor;
  }

  /**
   * Logs the answer like Feign does, but keeps at most {@value #MAX_LOGGED_BODY} bytes of its body in
   * memory: the decoder still reads the whole body (the logged part, then the rest from the wire), so
   * logging never changes what is decoded and an endless body cannot exhaust the heap here.
   */
  @Override
  protected Response logAndRebufferResponse(String configKey, Level level, Response response,
      long elapsedTime) throws IOException {
    if (!log.isDebugEnabled()) {
      return response;
    }
    String reason = response.reason() != null && level.compareTo(Level.NONE) > 0 ? " " + response.reason() : "";
    int status = response.status();
    log(configKey, "<--- HTTP/1.1 %s%s (%sms)", status, reason, elapsedTime);
    if (level.ordinal() < Level.HEADERS.ordinal()) {
      return response;
    }
    for (Map.Entry<String, Collection<String>> h : response.headers().entrySet()) {
      for (String value : h.getValue()) {
        log(configKey, "%s: %s", h.getKey(), value);
      }
    }
    if (response.body() == null || status == 204 || status == 205) {
      log(configKey, "<--- END HTTP (0-byte body)");
      return response;
    }
    InputStream in = response.body().asInputStream();
    byte[] head = in.readNBytes(MAX_LOGGED_BODY + 1);
    boolean complete = head.length <= MAX_LOGGED_BODY;
    if (level.ordinal() >= Level.FULL.ordinal()) {
      log(configKey, "");
      if (head.length > 0) {
        log(configKey, "%s", new String(head, 0, Math.min(head.length, MAX_LOGGED_BODY), StandardCharsets.UTF_8)
            + (complete ? "" : "... (log truncated)"));
      }
    }
    if (complete) {
      in.close();
      log(configKey, "<--- END HTTP (%s-byte body)", head.length);
      return response.toBuilder().body(head).build();
    }
    log(configKey, "<--- END HTTP (more than %s bytes, only the first logged)", MAX_LOGGED_BODY);
    Integer length = response.body().length();
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
    return response.toBuilder().body(whole, length).build();
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (log.isDebugEnabled()) {
      log.debug(redactor.redact(methodTag(configKey) + String.format(format, args)));
    }
  }
}
