package dev.paykit.tests.faults;

import dev.paykit.core.PaykitException;
import dev.paykit.tests.faults.FaultInjectionRun.Call;
import dev.paykit.tests.faults.FaultInjectionRun.Misclassification;
import dev.paykit.tests.faults.FaultInjectionRun.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of one provider's run and every bad case: one summary line (seed included, to replay it)
 * and the details. {@link #failures()} lists what must be zero.
 */
final class FaultInjectionReport {

  /** Longest exception message quoted. */
  private static final int MESSAGE_CAP = 300;

  private final String provider;
  private final FaultInjectionSettings settings;
  private final int requests;
  private final Map<FaultKind, Integer> faults;
  private final List<Call> calls;
  private final int strays;
  private final List<String> ledgerProblems;
  private final List<Misclassification> misclassified;
  private final int retries;
  private final Duration elapsed;

  FaultInjectionReport(String provider, FaultInjectionSettings settings, int requests, Map<FaultKind, Integer> faults,
      List<Call> calls, int strays, List<String> ledgerProblems, List<Misclassification> misclassified, int retries,
      Duration elapsed) {
    this.provider = provider;
    this.settings = settings;
    this.requests = requests;
    this.faults = faults;
    this.calls = calls;
    this.strays = strays;
    this.ledgerProblems = ledgerProblems;
    this.misclassified = misclassified;
    this.retries = retries;
    this.elapsed = elapsed;
  }

  /** A reference booked more than once. */
  List<Call> duplicates() {
    return calls.stream().filter(c -> c.booked() > 1).toList();
  }

  /** Reported success, not booked. */
  List<Call> lost() {
    return calls.stream().filter(c -> c.last().outcome() == Outcome.SUCCESS && c.booked() == 0).toList();
  }

  /** Reported a definite failure (typed or not), booked all the same. */
  List<Call> failedButBooked() {
    return calls.stream().filter(c -> c.last().outcome().failed() && c.booked() > 0).toList();
  }

  /**
   * Still unknown because the provider's API cannot tell (the driver says why, e.g. Prune: no idempotency
   * key and no search by reference, and the answer that would have named the transaction was lost): not a
   * failure of the client, which reported the outcome as unknown and never sent the call again; counted
   * and listed so that the number stays visible. A duplicate among them is still a duplicate.
   */
  List<Call> unresolvableByApi() {
    return calls.stream().filter(c -> c.unresolvableByApi() != null).toList();
  }

  /** Still unknown when the driver stopped resubmitting. */
  List<Call> unresolved() {
    return calls.stream().filter(c -> c.unresolved() != null).toList();
  }

  List<Misclassification> misclassified() {
    return misclassified;
  }

  /**
   * Forwarded requests that the sandbox took at least the client's read timeout to answer: on such an
   * exchange the client may have timed out although no fault was injected (a loaded machine). Not a
   * failure by itself; when bad cases coincide with it, raise {@code paykit.faults.readTimeoutMillis}.
   */
  long slowUpstream() {
    return calls.stream().flatMap(c -> c.submissions().stream()).flatMap(s -> s.attempts().stream())
        .filter(a -> a.upstreamTime().compareTo(settings.readTimeout()) >= 0).count();
  }

  /** What must be empty for the run to pass, one entry per kind of problem. */
  List<String> failures() {
    List<String> out = new ArrayList<>();
    count(out, "duplicates", duplicates().size());
    count(out, "lost", lost().size());
    count(out, "failedButBooked", failedButBooked().size());
    count(out, "strays (bookings under references the driver never used)", Math.max(strays, 0));
    count(out, "misclassified", misclassified.size());
    count(out, "unresolved", unresolved().size());
    ledgerProblems.forEach(p -> out.add("ledger: " + p));
    return out;
  }

  private static void count(List<String> out, String what, int n) {
    if (n != 0) {
      out.add(what + "=" + n);
    }
  }

  /** The one line to grep for, with what replays the run. */
  String summary() {
    Map<Outcome, Integer> outcomes = FaultInjectionRun.outcomeCounts(calls);
    long success = calls.stream().filter(c -> c.last().outcome() == Outcome.SUCCESS).count();
    long failed = calls.stream().filter(c -> c.last().outcome().failed()).count();
    int injected = faults.values().stream().mapToInt(Integer::intValue).sum();
    return "fault-injection seed=" + settings.seed() + " provider=" + provider + " calls=" + calls.size()
        + " requests=" + requests + " faults=" + injected + faults
        + " submissions=" + outcomes.values().stream().mapToInt(Integer::intValue).sum() + outcomes
        + " final={success=" + success + ", failed=" + failed + ", unresolved=" + unresolved().size()
        + ", unresolvableByApi=" + unresolvableByApi().size() + "}"
        + " retries=" + retries
        + " duplicates=" + duplicates().size() + " lost=" + lost().size()
        + " failedButBooked=" + failedButBooked().size() + " strays=" + strays
        + " ledger=" + (ledgerProblems.isEmpty() ? "ok" : "BAD")
        + " misclassified=" + misclassified.size()
        + " slowUpstream=" + slowUpstream()
        + " elapsed=" + elapsed.toMillis() + "ms"
        + " replay: " + settings.replay() + " -Dpaykit.faults.providers=" + provider;
  }

  /** Every bad case, grouped. */
  String details() {
    StringBuilder b = new StringBuilder(summary()).append('\n');
    section(b, "duplicates (booked more than once)", duplicates().stream().map(Call::describe).toList());
    section(b, "lost (reported success, not booked)", lost().stream().map(Call::describe).toList());
    section(b, "failed but booked (reported a definite failure, the sandbox booked it)",
        failedButBooked().stream().map(Call::describe).toList());
    section(b, "unresolved", unresolved().stream().map(c -> c.describe() + " (" + c.unresolved() + ")").toList());
    section(b, "unresolvable by the provider's API (not failures: reported unknown, never sent again)",
        unresolvableByApi().stream().map(c -> c.describe() + " (" + c.unresolvableByApi() + ")").toList());
    if (strays != 0) {
      section(b, "strays", List.of(strays + " booking(s) in the sandbox under references the driver never used"));
    }
    section(b, "ledger", ledgerProblems);
    if (!misclassified.isEmpty()) {
      b.append("misclassifications by kind (fault -> exception type): ").append(misclassified.size()).append('\n');
      FaultInjectionRun.groups(misclassified).forEach((group, n) -> b.append("  ").append(n).append(" x ")
          .append(group).append('\n'));
      section(b, "misclassifications", misclassified.stream().map(Misclassification::describe).toList());
    }
    return b.toString();
  }

  private static void section(StringBuilder b, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    b.append(title).append(": ").append(lines.size()).append('\n');
    lines.forEach(l -> b.append("  ").append(l).append('\n'));
  }

  /** Type, operation and message of a failure, the message capped. */
  static String exception(Throwable t) {
    String operation = t instanceof PaykitException p ? " [" + p.operationId().orElse("?") + ", HTTP "
        + p.httpStatus() + "]" : "";
    String message = String.valueOf(t.getMessage()).replaceAll("\\s+", " ");
    if (message.length() > MESSAGE_CAP) {
      message = message.substring(0, MESSAGE_CAP) + "...";
    }
    return t.getClass().getSimpleName() + operation + ": " + message;
  }

  @Override
  public String toString() {
    return summary();
  }
}
