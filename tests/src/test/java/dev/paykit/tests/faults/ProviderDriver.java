package dev.paykit.tests.faults;

import dev.paykit.core.HttpOptions;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.sandbox.PaykitSandbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One provider in the fault-injection test: how to build its client, make money-moving call number
 * {@code i}, resubmit it the way the SDK tells callers to after an unknown outcome, and count what the
 * sandbox booked, read from the simulator's own state (never through the proxy). A new provider joins
 * the test by implementing this and adding itself to {@link FaultInjectionTest#providers()}.
 *
 * <p>Calls are made one at a time, from one thread.
 */
public interface ProviderDriver {

  /** What every client in the test is built with: the fast retry policy and the short read timeout. */
  record ClientSettings(Clock clock, RetryPolicy retryPolicy, HttpOptions httpOptions) {}

  /** The provider id ({@code promptcash}, {@code prunny}, ...). */
  String provider();

  /** The simulator's path prefix below the sandbox's origin (appended to the proxy's URL). */
  String pathPrefix();

  /** Sets up the simulator after a sandbox reset (clock, fixtures...) and notes its starting state. */
  void prepare(PaykitSandbox sandbox, Clock clock);

  /** Builds the client at {@code baseUrl} (the proxy's URL plus {@link #pathPrefix()}). */
  void connect(String baseUrl, ClientSettings settings);

  /** The provider's JSON error body for an HTTP error status, as its API writes it. */
  String errorBody(int status);

  /** Which logical request a proxied request belongs to (its reference), so that a 503 storm sticks to it. */
  String referenceOf(ProxiedRequest request);

  /** The caller's unique reference of call {@code i} (tx_id, referenceId...). */
  String reference(int i);

  /** Makes call {@code i} for the first time; returns the typed result or throws. */
  Object call(int i);

  /**
   * Why an unknown outcome of call {@code i} cannot be resubmitted as the SDK says (e.g. no idempotency
   * key, or not the one sent), or empty when it can.
   */
  Optional<String> whyNotResubmittable(int i, PaykitException unknown);

  /**
   * Why the provider's API cannot tell the outcome of call {@code i} at all after {@code unknown}, as the
   * SDK's own resolution reported it, or empty (the default) when the SDK can resolve it by resubmitting
   * or asking. For a provider with neither idempotency keys nor a search by reference (Prune) whose lost
   * answer never named the transaction: no request can find it, and resubmitting would pay twice. The
   * run then stops that call and reports it apart ({@link FaultInjectionReport#unresolvableByApi}), not as
   * a failure; a duplicate booking of it is still one.
   */
  default Optional<String> unresolvableByTheApi(int i, PaykitException unknown) {
    return Optional.empty();
  }

  /** Resubmits call {@code i} as the SDK tells callers to after {@code unknown}. */
  Object resubmit(int i, PaykitException unknown);

  /** How many times the sandbox booked reference {@code reference}, from the simulator's state. */
  int bookedCount(String reference);

  /** How many bookings the sandbox holds in all, whatever their reference. */
  int totalBookings();

  /** What is wrong with the sandbox's money after the run (e.g. balances not conserved); empty if nothing. */
  List<String> ledgerProblems();

  /**
   * What an {@link OutcomeUnknownException} of call {@code i} lacks that the caller needs to resolve it
   * (the reference, the idempotency key the attempts sent), or empty when it carries all of it.
   *
   * @param attempts what reached the proxy during this submission
   */
  Optional<String> unknownProblem(int i, OutcomeUnknownException unknown, List<FaultInjectionProxy.Exchange> attempts);
}
