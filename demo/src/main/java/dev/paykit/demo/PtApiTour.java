package dev.paykit.demo;

import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtQuery;
import dev.paykit.ptapi.api.CardholdersApi;
import dev.paykit.ptapi.model.Cardholder;
import dev.paykit.ptapi.model.Customer;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.ptapi.model.Program;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The PT API part of the demo: log in lazily, the business hierarchy, a card load from the master funds
 * account and one refused above it, an injection-safe cardholder search, and an expired session survived.
 */
final class PtApiTour {

  private PtApiTour() {}

  static void run(PtApiSimulator sim) {
    say("PT API sandbox at " + sim.baseUrl());
    try (PtApiClient pt = PtApiClient.builder()
        .baseUrl(sim.baseUrl())
        .subscriptionKey(PtApiSimulator.PRIMARY_KEY)
        .secondaryKey(PtApiSimulator.SECONDARY_KEY)
        .loginId(PtApiSimulator.LOGIN_ID)
        .password(PtApiSimulator.PASSWORD)
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).build())
        .build()) {

      for (Customer business : pt.hierarchy().businesses().getCustomers()) {
        String programs = String.join(", ", pt.hierarchy().programs(business.getCustomerId()).getPrograms().stream()
            .map(Program::getName).toList());
        say("business        %s %s (parent %s): programs %s", business.getCustomerId(), business.getName(),
            business.getParentId(), programs);
      }

      String card = PtApiSimulator.CARD_JOE_SMITH;
      LoadTransaction load = pt.cards().load(new LoadRequest().proxyKey(card).amount(new BigDecimal("25.00"))
          .referenceId("demo-load-1"));
      say("load            %s %s -> card %s: card balance %s, master funds %s", load.getTransactionId(),
          load.getAmount().toPlainString(), card, load.getCardBalance().toPlainString(),
          load.getMasterFundsBalance().toPlainString());
      try {
        pt.cards().load(new LoadRequest().proxyKey(card).amount(new BigDecimal("99999.00")).referenceId("demo-load-2"));
        throw new IllegalStateException("a load above the master funds was not refused");
      } catch (dev.paykit.core.PaykitException refused) {
        say("refused         %s: %s", refused.getClass().getSimpleName(), refused.providerMessage().orElse(""));
      }

      PtQuery query = PtQuery.field("firstName", "Joe").and(PtQuery.range("age", "20", "30"));
      say("search          q=%s -> %s", query.expression(), names(pt, query));
      PtQuery injected = PtQuery.field("firstName", "Joe OR firstName:*");
      say("search          a first name of \"Joe OR firstName:*\" stays one value: q=%s -> %s",
          injected.expression(), names(pt, injected));

      int expired = sim.expireSessions();
      say("session         %d session(s) expired by the sandbox; the next call logs in again once: %d business(es)",
          expired, pt.hierarchy().businesses().getCustomers().size());
    }
  }

  private static java.util.List<String> names(PtApiClient pt, PtQuery q) {
    return pt.cardholders().search(PtApiSimulator.BUSINESS_REWARDS,
            new CardholdersApi.SearchCardholdersQueryParams().q(q.expression()).sortBy("asc(lastName)"))
        .getCardholders().stream().map(c -> c.getFirstName() + " " + c.getLastName()).toList();
  }

  private static void say(String format, Object... args) {
    System.out.println("[ptapi]      " + String.format(format, args));
  }
}
