package dev.paykit.tests.prune;

import static dev.paykit.sandbox.prune.PruneSimulator.ACCOUNT_EUR;
import static dev.paykit.sandbox.prune.PruneSimulator.ACCOUNT_EUR_2;
import static dev.paykit.sandbox.prune.PruneSimulator.IBAN_EUR;
import static dev.paykit.sandbox.prune.PruneSimulator.IBAN_EUR_2;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.NotFoundException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.prune.PruneClient;
import dev.paykit.core.RequestOptions;
import dev.paykit.prune.Resolution;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.tests.faults.FaultInjectionProxy;
import dev.paykit.tests.faults.ProviderDriver;
import dev.paykit.tests.faults.ProxiedRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prune: {@code transfers().send(request)} from Amélie's or Jonas's EUR account (alternating) to
 * Commerzbank, 1.00 to 99.99 EUR, reference {@code fi-transfer-<i>}. Prune has no idempotency keys, so
 * after an unknown outcome the SDK never sends the call again: the caller resolves it
 * ({@code transfers().resolve(e)}), which asks the status operation by the id a cut answer named. Where no
 * answer named it, Prune's API cannot tell (no search by reference): the resolution says UNKNOWN, and the
 * run counts the call as unresolvable by the API rather than resending it. Booked = a transfer with the
 * call's reference in the simulator's state. Money: each sender's balance is its opening balance less what
 * its booked transfers took (nothing is confirmed, so nothing comes back).
 */
public final class PruneDriver implements ProviderDriver {

  private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]*)\"");
  private static final BigDecimal OPENING = new BigDecimal("1000000.00");

  private PruneSimulator sim;
  private PruneClient client;
  private final Map<String, BigDecimal> opening = new LinkedHashMap<>();

  @Override
  public String provider() {
    return "prune";
  }

  @Override
  public String pathPrefix() {
    return PruneSimulator.PATH_PREFIX;
  }

  @Override
  public void prepare(PaykitSandbox sandbox, Clock clock) {
    sim = sandbox.simulator(PruneSimulator.class);
    sim.clock(clock);
    opening.clear();
    for (String account : List.of(ACCOUNT_EUR, ACCOUNT_EUR_2)) {
      sim.setBalance(account, OPENING);
      opening.put(account, OPENING);
    }
  }

  @Override
  public void connect(String baseUrl, ClientSettings settings) {
    client = PruneClient.builder()
        .apiKey(PruneSimulator.TEST_KEY)
        .baseUrl(baseUrl)
        .clock(settings.clock())
        .retryPolicy(settings.retryPolicy())
        .pollPolicy(settings.retryPolicy())
        .httpOptions(settings.httpOptions())
        .build();
  }

  @Override
  public String errorBody(int status) {
    return "{\"status\":false,\"message\":\"service unavailable (injected by the fault proxy)\",\"code\":" + status + "}";
  }

  @Override
  public String referenceOf(ProxiedRequest request) {
    Matcher m = REFERENCE.matcher(request.bodyText());
    return m.find() ? m.group(1) : request.method() + " " + request.path();
  }

  @Override
  public String reference(int i) {
    return "fi-transfer-" + i;
  }

  @Override
  public Object call(int i) {
    BigDecimal amount = BigDecimal.valueOf(100 + i % 9_900, 2); // 1.00 .. 99.99
    return client.transfers().send(PruneFixtures.transfer(i % 2 == 0 ? IBAN_EUR : IBAN_EUR_2, reference(i),
        amount.toPlainString()));
  }

  /** No id to ask with: the SDK's own resolution says it cannot tell (and asks nothing). */
  @Override
  public Optional<String> unresolvableByTheApi(int i, PaykitException unknown) {
    if (!(unknown instanceof OutcomeUnknownException e) || e.resourceId() != null) {
      return Optional.empty();
    }
    Resolution r = client.transfers().resolve(e.reference(), null, RequestOptions.none());
    return r.state() == Resolution.State.UNKNOWN && r.queries() == 0
        ? Optional.of("no answer named the transaction; transfers().resolve says " + r.state())
        : Optional.empty();
  }

  @Override
  public Optional<String> whyNotResubmittable(int i, PaykitException unknown) {
    return unknown instanceof OutcomeUnknownException ? Optional.empty()
        : Optional.of("a " + unknown.getClass().getSimpleName() + " names nothing that resolves it");
  }

  /**
   * What the SDK says to do after an unknown outcome: resolve it, never send it again. Booked (found or
   * still pending) is a result; Prune's "no such transaction" a definite failure; still unknown (a status
   * query failed) an unknown outcome again, naming the same reference and id, to be resolved again.
   */
  @Override
  public Object resubmit(int i, PaykitException unknown) {
    OutcomeUnknownException e = (OutcomeUnknownException) unknown;
    Resolution r = client.transfers().resolve(e.reference(), e.resourceId(), RequestOptions.none());
    return switch (r.state()) {
      case FOUND, STILL_PENDING -> r;
      case NOT_FOUND -> throw new NotFoundException(ErrorDetails.http("prune", 404, null, r.explanation()), null);
      case UNKNOWN -> throw new OutcomeUnknownException(ErrorDetails.http("prune", 0, null, r.explanation()), null,
          null, e.reference(), r.explanation(), 0, e.resourceId());
    };
  }

  @Override
  public Optional<String> unknownProblem(int i, OutcomeUnknownException unknown,
      List<FaultInjectionProxy.Exchange> attempts) {
    List<String> problems = new ArrayList<>();
    if (!reference(i).equals(unknown.reference())) {
      problems.add("reference() is " + unknown.reference() + ", not " + reference(i));
    }
    if (unknown.idempotencyKey() != null) {
      problems.add("idempotencyKey() is " + unknown.idempotencyKey() + ", but Prune takes none");
    }
    long sends = attempts.stream().filter(a -> a.request().path().endsWith("/v1/accounts/send")).count();
    if (sends > 1) {
      problems.add("the transfer was sent " + sends + " times in one submission: Prune's may never be repeated");
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  @Override
  public int bookedCount(String reference) {
    return (int) sim.transfers().stream().filter(t -> reference.equals(t.reference())).count();
  }

  @Override
  public int totalBookings() {
    return sim.transfers().size();
  }

  @Override
  public List<String> ledgerProblems() {
    List<String> problems = new ArrayList<>();
    Map<String, BigDecimal> expected = new LinkedHashMap<>(opening);
    sim.transfers().forEach(t -> expected.computeIfPresent(t.fromAccount(), (a, b) -> b.subtract(t.amount())));
    expected.forEach((account, balance) -> {
      BigDecimal now = sim.balance(account);
      if (now.compareTo(balance) != 0) {
        problems.add("account " + account + " holds " + now.toPlainString() + ", but its opening balance and the"
            + " booked transfers give " + balance.toPlainString());
      }
    });
    return problems;
  }
}
