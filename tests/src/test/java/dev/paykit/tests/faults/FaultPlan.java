package dev.paykit.tests.faults;

/**
 * Decides, per request reaching {@link FaultInjectionProxy}, whether to relay it cleanly or to inject a
 * fault. Called on the proxy's connection threads, one request at a time per connection; implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface FaultPlan {

  /** Relay every request untouched. */
  FaultPlan NONE = request -> Decision.CLEAN;

  Decision decide(ProxiedRequest request);

  /**
   * One decision.
   *
   * @param kind the fault, or null to relay the request cleanly
   * @param headersFirst for {@link FaultKind#DROP_AFTER_PROCESSING}: send the status line and headers
   *     (announcing the full Content-Length) before closing, instead of closing with nothing sent
   */
  record Decision(FaultKind kind, boolean headersFirst) {

    public static final Decision CLEAN = new Decision(null, false);

    public static Decision of(FaultKind kind) {
      return new Decision(kind, false);
    }

    public boolean isClean() {
      return kind == null;
    }

    @Override
    public String toString() {
      if (kind == null) {
        return "CLEAN";
      }
      return kind == FaultKind.DROP_AFTER_PROCESSING && headersFirst ? kind + "(headers)" : kind.toString();
    }
  }
}
