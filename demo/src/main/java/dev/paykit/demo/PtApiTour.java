package dev.paykit.demo;

import dev.paykit.core.RetryPolicy;
import dev.paykit.ptapi.CardholderSearch;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtApiScope;
import dev.paykit.ptapi.PtQuery;
import dev.paykit.ptapi.PtSort;
import dev.paykit.ptapi.model.Address;
import dev.paykit.ptapi.model.CardholderProfile;
import dev.paykit.ptapi.model.Customer;
import dev.paykit.ptapi.model.LoadRequest;
import dev.paykit.ptapi.model.LoadTransaction;
import dev.paykit.ptapi.model.Order;
import dev.paykit.ptapi.model.OrderInstantIssueRequest;
import dev.paykit.ptapi.model.Program;
import dev.paykit.ptapi.model.RegisterCardRequest;
import dev.paykit.ptapi.model.Registration;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The PT API part of the demo: log in lazily, the business hierarchy, a card ordered (instant issue) and
 * registered to a cardholder in a business and program scope, loaded from the master funds account (and a
 * load refused above it), cardholders searched by name and age range (injection-safe), and an expired
 * session survived.
 */
final class PtApiTour {

  private PtApiTour() {}

  static void run(PtApiSimulator sim) {
    say("PT API sandbox at " + sim.baseUrl());
    java.util.List<Integer> listStatuses = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (PtApiClient pt = PtApiClient.builder()
        .addCallObserver((provider, operationId) -> !operationId.equals("getCustomerListByParent")
            ? dev.paykit.core.CallObserver.Call.NONE : new dev.paykit.core.CallObserver.Call() {
              @Override
              public void attemptFinished(dev.paykit.core.CallObserver.AttemptResult result) {
                listStatuses.add(result.httpStatus());
              }
            })
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

      PtApiScope gift = pt.forBusiness(PtApiSimulator.BUSINESS_REWARDS).forProgram(PtApiSimulator.PROGRAM_GIFT);
      Order order = gift.cards().orderInstantIssue(new OrderInstantIssueRequest().quantity(1)
          .shippingAddress(new Address().address1("1 Congress Ave").city("Austin").state("TX").zip("78701")));
      String card = order.getCards().get(0).getProxyKey();
      say("order           %s (%s): instant-issue card %s for business %s, program %s", order.getOrderId(),
          order.getOrderStatus(), card, gift.customerId(), gift.programId());
      Registration registered = gift.cards().register(new RegisterCardRequest().proxyKey(card)
          .cardholder(new CardholderProfile().firstName("Ada").lastName("Byron")
              .dateOfBirth(java.time.LocalDate.of(1996, 12, 10))));
      say("register        card %s -> cardholder %s (registration %s)", card, registered.getCardholderId(),
          registered.getOrderId());

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
      say("search          q=%s -> %s", query.expression(), names(gift, query));
      PtQuery injected = PtQuery.field("firstName", "Joe OR firstName:*");
      say("search          a first name of \"Joe OR firstName:*\" stays one value: q=%s -> %s",
          injected.expression(), names(gift, injected));
      long all = gift.cardholders().searchAll(CardholderSearch.builder().limit(3).build()).stream().count();
      say("search          every cardholder of %s, 3 a page: %d", gift.customerId(), all);

      int expired = sim.expireSessions();
      say("session         %d session(s) expired by the sandbox; the next call logs in again once: %d business(es)",
          expired, pt.hierarchy().businesses().getCustomers().size());
      say("etag            the business list's answers, as PT sent them: %s (a 304 is served from the client's"
          + " ETag cache)", listStatuses);
    }
  }

  private static java.util.List<String> names(PtApiScope business, PtQuery q) {
    return business.cardholders().search(CardholderSearch.builder().query(q).sort(PtSort.asc("lastName")).build())
        .getCardholders().stream().map(c -> c.getFirstName() + " " + c.getLastName()).toList();
  }

  private static void say(String format, Object... args) {
    System.out.println("[ptapi]      " + String.format(format, args));
  }
}
