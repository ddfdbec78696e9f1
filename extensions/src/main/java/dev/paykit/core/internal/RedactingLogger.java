package dev.paykit.core.internal;

import dev.paykit.core.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's wire log through SLF4J (logger {@code dev.paykit.wire.<provider>}, DEBUG), with every line
 * passed through the client's {@link Redactor}: secrets, {@code Authorization} and signature values
 * never reach the log. Thread-safe.
 */
public final class RedactingLogger extends feign.Logger {

  private final Logger log;
  private final Redactor redactor;

  public RedactingLogger(String provider, Redactor redactor) {
    this.log = LoggerFactory.getLogger("dev.paykit.wire." + provider);
    this.redactor = redactor;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (log.isDebugEnabled()) {
      log.debug(redactor.redact(methodTag(configKey) + String.format(format, args)));
    }
  }
}
