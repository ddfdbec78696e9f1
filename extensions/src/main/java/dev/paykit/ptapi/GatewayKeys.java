package dev.paykit.ptapi;

import dev.paykit.core.internal.AttemptStep;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.AttemptRequest;

/**
 * The gateway subscription key on every request, under the configured header name: the primary key until
 * the gateway rejects it, then the secondary (when one is configured). Thread-safe.
 */
final class GatewayKeys implements AttemptStep {

  private static final ThreadLocal<String> USED = new ThreadLocal<>();

  private final String specHeader;
  private final String header;
  private final String primary;
  private final String secondary;
  private volatile boolean onSecondary;

  GatewayKeys(String specHeader, String header, String primary, String secondary) {
    this.specHeader = specHeader;
    this.header = header;
    this.primary = primary;
    this.secondary = secondary;
  }

  @Override
  public void apply(AttemptRequest template, OperationSpec operation) {
    String key = onSecondary ? secondary : primary;
    USED.set(key);
    template.removeHeader(specHeader);
    template.replaceHeader(header, key);
  }

  /**
   * After the gateway rejected the key this thread's last attempt carried: switches to the secondary key
   * and says whether the call should be repeated with it (false when there is none, or it was the one
   * rejected).
   */
  boolean fallBack() {
    String used = USED.get();
    USED.remove();
    if (secondary == null || secondary.equals(used)) {
      return false;
    }
    onSecondary = true;
    return true;
  }

  boolean onSecondary() {
    return onSecondary;
  }

  @Override
  public String toString() {
    return "GatewayKeys[" + header + ", " + (onSecondary ? "secondary" : "primary") + "]";
  }
}
