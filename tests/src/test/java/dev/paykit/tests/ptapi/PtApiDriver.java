package dev.paykit.tests.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.BUSINESS_REWARDS;
import static dev.paykit.sandbox.ptapi.PtApiSimulator.CARD_JOANNA_LEE;
import static dev.paykit.sandbox.ptapi.PtApiSimulator.CARD_JOE_SMITH;

import dev.paykit.core.ErrorDetails;
import dev.paykit.core.NotFoundException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.LoadHistory;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
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
 * PT API: {@code cards().load(request)} from the Rewards business's master funds account onto Joe Smith's
 * or Joanna Lee's card (alternating), 1.00 to 99.99, referenceId {@code fi-load-<i>}. A load has no
 * idempotency key and the SDK never sends it again after an unknown outcome; PT's load history lists every
 * load of a card with its referenceId, so the caller resolves it there: found is the result, absent (the
 * whole history read) is a definite "not booked". A history read that fails leaves the outcome unknown, to
 * be resolved again. Booked = a load with the call's referenceId in the simulator's transactions. Money: the
 * master funds account and the two cards hold their opening balances moved by exactly the booked loads.
 */
public final class PtApiDriver implements ProviderDriver {

  private static final Pattern REFERENCE = Pattern.compile("\"referenceId\"\\s*:\\s*\"([^\"]*)\"");
  private static final BigDecimal MASTER_OPENING = new BigDecimal("1000000.00");
  private static final int PAGE = 100;

  private PtApiSimulator sim;
  private PtApiClient client;
  private final Map<String, BigDecimal> openingCards = new LinkedHashMap<>();

  @Override
  public String provider() {
    return "ptapi";
  }

  @Override
  public String pathPrefix() {
    return PtApiSimulator.PATH_PREFIX;
  }

  @Override
  public void prepare(PaykitSandbox sandbox, Clock clock) {
    sim = sandbox.simulator(PtApiSimulator.class);
    sim.clock(clock);
    sim.masterFundsBalance(BUSINESS_REWARDS, MASTER_OPENING);
    openingCards.clear();
    for (String card : List.of(CARD_JOE_SMITH, CARD_JOANNA_LEE)) {
      openingCards.put(card, sim.cardBalance(card));
    }
  }

  @Override
  public void connect(String baseUrl, ClientSettings settings) {
    client = PtApiClient.builder()
        .baseUrl(baseUrl)
        .subscriptionKey(PtApiSimulator.PRIMARY_KEY)
        .secondaryKey(PtApiSimulator.SECONDARY_KEY)
        .loginId(PtApiSimulator.LOGIN_ID)
        .password(PtApiSimulator.PASSWORD)
        .clock(settings.clock())
        .retryPolicy(settings.retryPolicy())
        .httpOptions(settings.httpOptions())
        .build();
  }

  @Override
  public String errorBody(int status) {
    return "{\"code\":" + status + ",\"message\":\"service unavailable (injected by the fault proxy)\"}";
  }

  @Override
  public String referenceOf(ProxiedRequest request) {
    Matcher m = REFERENCE.matcher(request.bodyText());
    return m.find() ? m.group(1) : request.method() + " " + request.path();
  }

  @Override
  public String reference(int i) {
    return "fi-load-" + i;
  }

  private static String card(int i) {
    return i % 2 == 0 ? CARD_JOE_SMITH : CARD_JOANNA_LEE;
  }

  @Override
  public Object call(int i) {
    BigDecimal amount = BigDecimal.valueOf(100 + i % 9_900, 2); // 1.00 .. 99.99
    return client.cards().load(new LoadRequest().proxyKey(card(i)).amount(amount).referenceId(reference(i)));
  }

  @Override
  public Optional<String> whyNotResubmittable(int i, PaykitException unknown) {
    return unknown instanceof OutcomeUnknownException ? Optional.empty()
        : Optional.of("a " + unknown.getClass().getSimpleName() + " names nothing that resolves it");
  }

  /**
   * What the SDK says to do after an unknown load (its resolution names getLoadHistory): look for the
   * referenceId in the card's load history, never send the load again. Found: the booked load. The whole
   * history read without it: not booked (PT's 404). A history read that fails: still unknown.
   */
  @Override
  public Object resubmit(int i, PaykitException unknown) {
    OutcomeUnknownException e = (OutcomeUnknownException) unknown;
    String reference = e.reference();
    try {
      for (int offset = 0; ; offset += PAGE) {
        LoadHistory page = client.cards().loadHistory(card(i), PAGE, offset);
        List<LoadTransaction> items = page.getTransactions();
        for (LoadTransaction t : items) {
          if (reference.equals(t.getReferenceId())) {
            return t;
          }
        }
        if (items.size() < PAGE) {
          throw new NotFoundException(ErrorDetails.http("ptapi", 404, null,
              "no load " + reference + " in the load history of " + card(i)), null);
        }
      }
    } catch (NotFoundException notBooked) {
      throw notBooked;
    } catch (PaykitException historyFailed) {
      throw new OutcomeUnknownException(ErrorDetails.http("ptapi", 0, null,
          "the load history could not be read: " + historyFailed.getMessage()), historyFailed, null, reference,
          e.resolution(), 0, e.resourceId());
    }
  }

  @Override
  public Optional<String> unknownProblem(int i, OutcomeUnknownException unknown,
      List<FaultInjectionProxy.Exchange> attempts) {
    List<String> problems = new ArrayList<>();
    if (!reference(i).equals(unknown.reference())) {
      problems.add("reference() is " + unknown.reference() + ", not " + reference(i));
    }
    if (unknown.idempotencyKey() != null) {
      problems.add("idempotencyKey() is " + unknown.idempotencyKey() + ", but PT takes none");
    }
    long loads = attempts.stream().filter(a -> a.request().path().endsWith("/v1/loadCard")).count();
    if (loads > 1) {
      problems.add("the load was sent " + loads + " times in one submission: PT's may never be repeated");
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  @Override
  public int bookedCount(String reference) {
    return (int) sim.transactions().stream()
        .filter(t -> "load".equals(t.type()) && reference.equals(t.referenceId())).count();
  }

  @Override
  public int totalBookings() {
    return sim.transactions().size();
  }

  @Override
  public List<String> ledgerProblems() {
    List<String> problems = new ArrayList<>();
    BigDecimal master = MASTER_OPENING;
    Map<String, BigDecimal> cards = new LinkedHashMap<>(openingCards);
    for (PtApiSimulator.Transaction t : sim.transactions()) {
      if (!"load".equals(t.type()) || !BUSINESS_REWARDS.equals(t.customerId()) || !cards.containsKey(t.proxyKey())) {
        problems.add("unexpected booking " + t.type() + " " + t.referenceId() + " on " + t.proxyKey());
        continue;
      }
      master = master.subtract(t.amount());
      cards.computeIfPresent(t.proxyKey(), (k, b) -> b.add(t.amount()));
    }
    BigDecimal masterNow = sim.masterFundsBalance(BUSINESS_REWARDS);
    if (masterNow.compareTo(master) != 0) {
      problems.add("the master funds account holds " + masterNow.toPlainString() + ", but its opening balance and"
          + " the booked loads give " + master.toPlainString());
    }
    cards.forEach((card, expected) -> {
      BigDecimal now = sim.cardBalance(card);
      if (now.compareTo(expected) != 0) {
        problems.add("card " + card + " holds " + now.toPlainString() + ", but its opening balance and the booked"
            + " loads give " + expected.toPlainString());
      }
    });
    return problems;
  }
}
