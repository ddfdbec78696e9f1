package dev.paykit.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.ConnectionException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.ServerException;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.tests.promptcash.PromptCashDriver;
import dev.paykit.tests.support.SandboxTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks of the fault-injection test are real: without faults an honest driver passes, and a driver
 * that lies about a call in each of the ways the test exists to catch makes it fail, with the count
 * and the case named. (The Prompt.Cash driver, with one behaviour changed at a time.)
 */
@SandboxTest
class FaultInjectionChecksTest {

  private static final int CALLS = 6;
  private static final FaultInjectionSettings NO_FAULTS =
      new FaultInjectionSettings(1L, CALLS, 0.0, Duration.ofMillis(300), Set.of());
  private PaykitSandbox sandbox;

  @BeforeEach
  void connect(PaykitSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Test
  void anHonestDriverWithoutFaultsPasses() {
    FaultInjectionReport report = run(new Honest());

    assertThat(report.failures()).isEmpty();
    assertThat(report.summary()).contains("calls=" + CALLS, "faults=0", "final={success=" + CALLS + ", failed=0,",
        "duplicates=0 lost=0 failedButBooked=0 strays=0 ledger=ok misclassified=0");
  }

  @Test
  void successReportedForACallThatWasNeverSentIsLost() {
    FaultInjectionReport report = run(new Honest() {
      @Override
      public Object call(int i) {
        return i % 2 == 0 ? "pretend it worked" : super.call(i);
      }
    });

    assertThat(report.failures()).containsExactly("lost=" + CALLS / 2);
    assertThat(report.details()).contains("lost (reported success, not booked): 3", "#2 fi-order-2 booked=0");
  }

  @Test
  void aDefiniteFailureForABookedCallIsFailedButBooked() {
    FaultInjectionReport report = run(new Honest() {
      @Override
      public Object call(int i) {
        super.call(i);
        throw new ServerException(ErrorDetails.http("promptcash", 500, null, "pretend it failed"), null);
      }
    });

    assertThat(report.failures()).containsExactly("failedButBooked=" + CALLS);
    assertThat(report.details()).contains("ServerException [?, HTTP 500]");
  }

  @Test
  void anythingButAPaykitExceptionIsMisclassifiedAndCountsAsAFailure() {
    FaultInjectionReport report = run(new Honest() {
      @Override
      public Object call(int i) {
        super.call(i);
        throw new NullPointerException("getPayment() was null");
      }
    });

    assertThat(report.failures()).containsExactly("failedButBooked=" + CALLS, "misclassified=" + CALLS);
    assertThat(report.details()).contains("untyped (not a PaykitException): last attempt CLEAN -> "
        + "java.lang.NullPointerException", "NullPointerException: getPayment() was null");
  }

  @Test
  void aLegacyTransportExceptionIsMisclassifiedAndStillResubmitted() {
    FaultInjectionReport report = run(new Honest() {
      @Override
      public Object call(int i) {
        super.call(i);
        throw new ConnectionException(ErrorDetails.builder("promptcash").operationId("createPayment")
            .providerMessage("reset").retryable(true).build(), null);
      }
    });

    assertThat(report.failures()).containsExactly("misclassified=" + CALLS);
    assertThat(report.summary()).contains("LEGACY_UNKNOWN=" + CALLS, "final={success=" + CALLS + ",");
  }

  @Test
  void aReferenceBookedTwiceIsADuplicateAndABookingUnderAnotherReferenceIsAStray() {
    FaultInjectionReport duplicates = run(new Honest() {
      @Override
      public Object call(int i) {
        resubmit(i, null);
        return super.call(i);
      }

      @Override
      public int bookedCount(String reference) {
        return 2 * super.bookedCount(reference); // as a sandbox that books every repeat would
      }

      @Override
      public int totalBookings() {
        return 2 * super.totalBookings();
      }
    });
    FaultInjectionReport strays = run(new Honest() {
      @Override
      public int totalBookings() {
        return super.totalBookings() + 1;
      }
    });

    assertThat(duplicates.failures()).containsExactly("duplicates=" + CALLS);
    assertThat(strays.failures()).containsExactly("strays (bookings under references the driver never used)=1");
  }

  @Test
  void anOutcomeThatStaysUnknownIsUnresolvedAfterTenResubmissions() {
    FaultInjectionReport report = run(new Honest() {
      @Override
      public Object call(int i) {
        super.call(i);
        throw unknown(i);
      }

      @Override
      public Object resubmit(int i, PaykitException unknown) {
        throw unknown(i);
      }

      private OutcomeUnknownException unknown(int i) {
        return new OutcomeUnknownException(ErrorDetails.http("promptcash", 0, null, "unknown"), null, null,
            reference(i), "repeat with the same tx_id", 0);
      }
    });

    assertThat(report.failures()).containsExactly("unresolved=" + CALLS);
    assertThat(report.summary()).contains("OUTCOME_UNKNOWN=" + CALLS * (1 + FaultInjectionRun.MAX_RESUBMISSIONS));
  }

  @Test
  void anOutcomeTheApiCannotTellIsCountedApartNotResubmittedAndADuplicateAmongThemIsStillOne() {
    java.util.concurrent.atomic.AtomicInteger resubmissions = new java.util.concurrent.atomic.AtomicInteger();
    class CannotTell extends Honest {
      @Override
      public Object call(int i) {
        super.call(i);
        throw new OutcomeUnknownException(ErrorDetails.http("promptcash", 0, null, "unknown"), null, null,
            reference(i), "check the dashboard", 0);
      }

      @Override
      public Optional<String> unresolvableByTheApi(int i, PaykitException unknown) {
        return Optional.of("no key and no search by reference");
      }

      @Override
      public Object resubmit(int i, PaykitException e) {
        resubmissions.incrementAndGet();
        return super.resubmit(i, e);
      }
    }
    FaultInjectionReport apart = run(new CannotTell());
    FaultInjectionReport twice = run(new CannotTell() {
      @Override
      public int bookedCount(String reference) {
        return 2 * super.bookedCount(reference);
      }

      @Override
      public int totalBookings() {
        return 2 * super.totalBookings();
      }
    });

    assertThat(apart.failures()).isEmpty();
    assertThat(apart.summary()).contains("unresolved=0, unresolvableByApi=" + CALLS + "}");
    assertThat(apart.details()).contains("unresolvable by the provider's API", "(no key and no search by reference)");
    assertThat(resubmissions).hasValue(0);
    assertThat(twice.failures()).containsExactly("duplicates=" + CALLS);
  }

  @Test
  void anOutcomeUnknownWithoutTheReferenceIsMisclassified() {
    FaultInjectionReport report = run(new Honest() {
      @Override
      public Object call(int i) {
        super.call(i);
        throw new OutcomeUnknownException(ErrorDetails.http("promptcash", 0, null, "unknown"), null, null, null,
            null, 3);
      }
    });

    assertThat(report.failures()).containsExactly("misclassified=" + CALLS);
    assertThat(report.details()).contains("OutcomeUnknownException lacks what resolves it",
        "reference() is null, not the tx_id fi-order-0", "attempts() is 3 but 1 requests were sent");
  }

  private FaultInjectionReport run(ProviderDriver driver) {
    return new FaultInjectionRun(driver, sandbox, NO_FAULTS).run();
  }

  /** The Prompt.Cash driver as it is; each test overrides one behaviour. */
  private static class Honest implements ProviderDriver {
    private final PromptCashDriver real = new PromptCashDriver();

    @Override public String provider() { return real.provider(); }
    @Override public String pathPrefix() { return real.pathPrefix(); }
    @Override public void prepare(PaykitSandbox s, Clock clock) { real.prepare(s, clock); }
    @Override public void connect(String baseUrl, ClientSettings settings) { real.connect(baseUrl, settings); }
    @Override public String errorBody(int status) { return real.errorBody(status); }
    @Override public String referenceOf(ProxiedRequest request) { return real.referenceOf(request); }
    @Override public String reference(int i) { return real.reference(i); }
    @Override public Object call(int i) { return real.call(i); }
    @Override public Optional<String> whyNotResubmittable(int i, PaykitException e) { return real.whyNotResubmittable(i, e); }
    @Override public Object resubmit(int i, PaykitException e) { return real.resubmit(i, e); }
    @Override public int bookedCount(String reference) { return real.bookedCount(reference); }
    @Override public int totalBookings() { return real.totalBookings(); }
    @Override public List<String> ledgerProblems() { return real.ledgerProblems(); }
    @Override
    public Optional<String> unknownProblem(int i, OutcomeUnknownException e, List<FaultInjectionProxy.Exchange> a) {
      return real.unknownProblem(i, e, a);
    }
  }
}
