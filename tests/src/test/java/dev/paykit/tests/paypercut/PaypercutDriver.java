package dev.paykit.tests.paypercut;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.paypercut.Payment;
import dev.paykit.sandbox.paypercut.PaymentIntent;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.tests.faults.FaultInjectionProxy;
import dev.paykit.tests.faults.ProviderDriver;
import dev.paykit.tests.faults.ProxiedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Paypercut: {@code paymentIntents().create(...)} confirmed with the test Visa card, automatic capture,
 * under the caller's idempotency key {@code fi-intent-<i>} (the way a shop keys its orders); after an
 * unknown outcome the same request with the exception's {@code idempotencyKey()}. Each call charges a
 * distinct amount ({@code 1000 + i} cents), so the simulator's intents tell which call they belong to.
 * Booked = an intent of that amount that holds a captured payment. The ledger check: no intent holds more
 * than one captured payment, and every captured payment took exactly its intent's amount.
 */
public final class PaypercutDriver implements ProviderDriver {

  private PaypercutSimulator sim;
  private PaypercutClient client;

  @Override
  public String provider() {
    return "paypercut";
  }

  @Override
  public String pathPrefix() {
    return PaypercutSimulator.PATH_PREFIX;
  }

  @Override
  public void prepare(PaykitSandbox sandbox, Clock clock) {
    sim = sandbox.simulator(PaypercutSimulator.class);
    sim.clock(clock);
  }

  @Override
  public void connect(String baseUrl, ClientSettings settings) {
    client = PaypercutClient.builder()
        .secretKey(PaypercutSimulator.TEST_KEY)
        .baseUrl(baseUrl)
        .clock(settings.clock())
        .retryPolicy(settings.retryPolicy())
        .httpOptions(settings.httpOptions())
        .build();
  }

  @Override
  public String errorBody(int status) {
    return "{\"type\":\"api_error\",\"message\":\"service unavailable (injected by the fault proxy)\"}";
  }

  @Override
  public String referenceOf(ProxiedRequest request) {
    return request.header(PaypercutSimulator.IDEMPOTENCY_HEADER).orElse(request.method() + " " + request.path());
  }

  @Override
  public String reference(int i) {
    return "fi-intent-" + i;
  }

  private static long amount(int i) {
    return 1000L + i;
  }

  private PaymentIntentCreateRequest request(int i) {
    return new PaymentIntentCreateRequest().amount(amount(i)).currency("EUR")
        .paymentMethod(PaypercutSimulator.CARD_VISA).confirm(true);
  }

  @Override
  public Object call(int i) {
    return client.paymentIntents().create(request(i), RequestOptions.ofIdempotencyKey(reference(i)));
  }

  @Override
  public Optional<String> whyNotResubmittable(int i, PaykitException unknown) {
    if (!(unknown instanceof OutcomeUnknownException u)) {
      return Optional.of("a " + unknown.getClass().getSimpleName() + " carries no idempotency key to repeat"
          + " the call with");
    }
    return u.idempotencyKey() == null ? Optional.of("idempotencyKey() is null") : Optional.empty();
  }

  @Override
  public Object resubmit(int i, PaykitException unknown) {
    return client.paymentIntents().create(request(i),
        RequestOptions.ofIdempotencyKey(((OutcomeUnknownException) unknown).idempotencyKey()));
  }

  @Override
  public Optional<String> unknownProblem(int i, OutcomeUnknownException unknown,
      List<FaultInjectionProxy.Exchange> attempts) {
    List<String> problems = new ArrayList<>();
    if (!reference(i).equals(unknown.idempotencyKey())) {
      problems.add("idempotencyKey() is " + unknown.idempotencyKey() + ", not the key " + reference(i) + " of the call");
    }
    Set<String> sent = new TreeSet<>();
    attempts.forEach(a -> a.request().header(PaypercutSimulator.IDEMPOTENCY_HEADER).ifPresent(sent::add));
    if (!sent.isEmpty() && !sent.equals(Set.of(reference(i)))) {
      problems.add("the attempts sent the keys " + sent);
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  @Override
  public int bookedCount(String reference) {
    int i = Integer.parseInt(reference.substring("fi-intent-".length()));
    Set<String> captured = new TreeSet<>();
    sim.payments().stream().filter(Payment::captured).forEach(p -> captured.add(p.paymentIntent()));
    return (int) sim.paymentIntents().stream()
        .filter(pi -> pi.amount() == amount(i) && captured.contains(pi.id())).count();
  }

  @Override
  public int totalBookings() {
    return (int) sim.payments().stream().filter(Payment::captured).count();
  }

  @Override
  public List<String> ledgerProblems() {
    List<String> problems = new ArrayList<>();
    for (PaymentIntent pi : sim.paymentIntents()) {
      List<Payment> captured = sim.payments().stream()
          .filter(p -> p.captured() && pi.id().equals(p.paymentIntent())).toList();
      if (captured.size() > 1) {
        problems.add(pi.id() + " holds " + captured.size() + " captured payments");
      }
      for (Payment p : captured) {
        if (p.amountCaptured() != pi.amount()) {
          problems.add(p.id() + " captured " + p.amountCaptured() + " of an intent for " + pi.amount());
        }
      }
    }
    return problems;
  }
}
