package dev.paykit.tests.prunny;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_CURRENT;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_OFI;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import dev.paykit.sandbox.prunny.Transfer;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prunny: {@code transfers().intraBank(request)} between Adaeze and Babatunde, alternating direction,
 * 1.00 to 99.99 NGN (far below the OTP threshold and the balances), under a key the SDK generates;
 * after an unknown outcome the same request with the exception's {@code idempotencyKey()}. Booked = an
 * executed transfer with the call's referenceId in the simulator's transaction log. Money is checked to
 * be conserved: the fixture accounts' ledger balances add up to the same total, and each moved by
 * exactly what the executed transfers say.
 */
public final class PrunnyDriver implements ProviderDriver {

  private static final List<String> ACCOUNTS =
      List.of(ACCOUNT_ADAEZE, ACCOUNT_ADAEZE_CURRENT, ACCOUNT_BABATUNDE, ACCOUNT_CHIAMAKA, ACCOUNT_OFI);
  private static final Pattern REFERENCE = Pattern.compile("\"referenceId\"\\s*:\\s*\"([^\"]*)\"");

  private PrunnySimulator sim;
  private PrunnyClient client;
  private final Map<String, BigDecimal> opening = new LinkedHashMap<>();
  private final AtomicLong keys = new AtomicLong();

  @Override
  public String provider() {
    return "prunny";
  }

  @Override
  public String pathPrefix() {
    return PrunnySimulator.PATH_PREFIX;
  }

  @Override
  public void prepare(PaykitSandbox sandbox, Clock clock) {
    sim = sandbox.prunny();
    sim.clock(clock);
    opening.clear();
    for (String account : ACCOUNTS) {
      opening.put(account, sim.ledgerBalance(account));
    }
  }

  @Override
  public void connect(String baseUrl, ClientSettings settings) {
    client = PrunnyClient.builder()
        .apiKey(PrunnySimulator.API_KEY)
        .baseUrl(baseUrl)
        .clock(settings.clock())
        .retryPolicy(settings.retryPolicy())
        .pollPolicy(settings.retryPolicy())
        .httpOptions(settings.httpOptions())
        .idempotencyKeySource(() -> new UUID(0xFA01L, keys.incrementAndGet()))
        .build();
  }

  @Override
  public String errorBody(int status) {
    return "{\"message\":\"service unavailable (injected by the fault proxy)\",\"status\":" + status
        + ",\"errorCode\":\"96\"}";
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

  private IntraBankTransferRequest request(int i) {
    BigDecimal amount = BigDecimal.valueOf(100 + i % 9_900, 2); // 1.00 .. 99.99
    boolean fromAdaeze = i % 2 == 0;
    return new IntraBankTransferRequest()
        .referenceId(reference(i))
        .amount(amount).currency("NGN")
        .sourceAmount(amount).sourceCurrency("NGN")
        .sourceAccount(fromAdaeze ? ACCOUNT_ADAEZE : ACCOUNT_BABATUNDE)
        .sourceAccountName(fromAdaeze ? ACCOUNT_ADAEZE_NAME : ACCOUNT_BABATUNDE_NAME)
        .sourceNarration("fault injection " + i)
        .destinationAccount(fromAdaeze ? ACCOUNT_BABATUNDE : ACCOUNT_ADAEZE)
        .destinationAccountName(fromAdaeze ? ACCOUNT_BABATUNDE_NAME : ACCOUNT_ADAEZE_NAME)
        .destinationNarration("fault injection " + i)
        .channel("API");
  }

  @Override
  public Object call(int i) {
    return client.transfers().intraBank(request(i));
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
    return client.transfers().intraBank(request(i), RequestOptions.ofIdempotencyKey(((OutcomeUnknownException) unknown).idempotencyKey()));
  }

  @Override
  public Optional<String> unknownProblem(int i, OutcomeUnknownException unknown,
      List<FaultInjectionProxy.Exchange> attempts) {
    List<String> problems = new ArrayList<>();
    if (unknown.idempotencyKey() == null) {
      problems.add("idempotencyKey() is null");
    } else {
      Set<String> sent = new TreeSet<>();
      attempts.forEach(a -> a.request().header(PrunnySimulator.IDEMPOTENCY_HEADER).ifPresent(sent::add));
      if (!sent.isEmpty() && !sent.equals(Set.of(unknown.idempotencyKey()))) {
        problems.add("idempotencyKey() is " + unknown.idempotencyKey() + " but the attempts sent " + sent);
      }
    }
    if (!reference(i).equals(unknown.reference())) {
      problems.add("reference() is " + unknown.reference() + ", not the referenceId " + reference(i));
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  @Override
  public int bookedCount(String reference) {
    return (int) sim.transfers().stream()
        .filter(t -> t.executed() && reference.equals(t.referenceId())).count();
  }

  @Override
  public int totalBookings() {
    return sim.transferCount();
  }

  @Override
  public List<String> ledgerProblems() {
    List<String> problems = new ArrayList<>();
    Map<String, BigDecimal> expected = new LinkedHashMap<>(opening);
    for (Transfer t : sim.transfers()) {
      if (!t.executed()) {
        continue;
      }
      expected.merge(t.sourceAccount(), t.amount().negate(), BigDecimal::add);
      for (Transfer.Credit c : t.credits()) {
        if (expected.containsKey(c.accountNumber())) {
          expected.merge(c.accountNumber(), c.amount(), BigDecimal::add);
        }
      }
    }
    BigDecimal before = BigDecimal.ZERO;
    BigDecimal after = BigDecimal.ZERO;
    for (String account : ACCOUNTS) {
      BigDecimal now = sim.ledgerBalance(account);
      before = before.add(opening.get(account));
      after = after.add(now);
      if (now.compareTo(expected.get(account)) != 0) {
        problems.add("account " + account + " holds " + now.toPlainString() + ", but its opening balance "
            + opening.get(account).toPlainString() + " and the executed transfers give "
            + expected.get(account).toPlainString());
      }
    }
    if (before.compareTo(after) != 0) {
      problems.add("money not conserved: the accounts held " + before.toPlainString() + " in all, now "
          + after.toPlainString());
    }
    return problems;
  }
}
