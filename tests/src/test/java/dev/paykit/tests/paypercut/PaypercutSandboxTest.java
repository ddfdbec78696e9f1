package dev.paykit.tests.paypercut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.paypercut.CardDeclinedException;
import dev.paykit.paypercut.ConnectedAccountException;
import dev.paykit.paypercut.Expandable;
import dev.paykit.paypercut.IdempotencyConflictException;
import dev.paykit.paypercut.ListParams;
import dev.paykit.paypercut.PaypercutAuthenticationException;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.PaypercutInvalidRequestException;
import dev.paykit.paypercut.PaypercutNotFoundException;
import dev.paykit.paypercut.PaypercutWebhooks;
import dev.paykit.paypercut.WebhookEvent;
import dev.paykit.paypercut.model.Account;
import dev.paykit.paypercut.model.AccountCreateRequest;
import dev.paykit.paypercut.model.Customer;
import dev.paykit.paypercut.model.CustomerCreateRequest;
import dev.paykit.paypercut.model.EventType;
import dev.paykit.paypercut.model.Payment;
import dev.paykit.paypercut.model.PaymentIntent;
import dev.paykit.paypercut.model.PaymentIntentCaptureRequest;
import dev.paykit.paypercut.model.PaymentIntentConfirmRequest;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.paypercut.model.PaymentIntentStatus;
import dev.paykit.paypercut.model.Refund;
import dev.paykit.paypercut.model.RefundCreateRequest;
import dev.paykit.paypercut.model.Webhook;
import dev.paykit.paypercut.model.WebhookCreateRequest;
import dev.paykit.sandbox.paypercut.Delivery;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.tests.support.NumberedKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** The Paypercut client against the stateful sandbox: money moves once, declines are typed, accounts stay apart. */
class PaypercutSandboxTest extends PaypercutSandboxTestBase {

  private PaymentIntent authorize(PaypercutClient c, long amount) {
    PaymentIntent pi = c.paymentIntents().create(new PaymentIntentCreateRequest().amount(amount).currency("EUR")
        .captureMethod(PaymentIntentCreateRequest.CaptureMethodEnum.MANUAL));
    return c.paymentIntents().confirm(pi.getId(), new PaymentIntentConfirmRequest().paymentMethod(PaypercutSimulator.CARD_VISA));
  }

  private PaymentIntent charge(PaypercutClient c, long amount) {
    return c.paymentIntents().create(new PaymentIntentCreateRequest().amount(amount).currency("EUR")
        .paymentMethod(PaypercutSimulator.CARD_VISA).confirm(true));
  }

  @Test
  void aManualCaptureTakesAtMostWhatWasAuthorizedAndOnlyOnce() {
    PaymentIntent pi = authorize(client, 2500L);
    assertThat(pi.getStatus()).isEqualTo(PaymentIntentStatus.REQUIRES_CAPTURE);
    assertThat(pi.getAmountCapturable()).isEqualTo(2500L);

    PaypercutInvalidRequestException tooMuch = catchThrowableOfType(PaypercutInvalidRequestException.class,
        () -> client.paymentIntents().capture(pi.getId(), new PaymentIntentCaptureRequest().amountToCapture(2501L)));
    assertThat(tooMuch.providerCode()).contains("amount_too_large");
    assertThat(tooMuch.param()).contains("amount_to_capture");

    PaymentIntent captured = client.paymentIntents().capture(pi.getId(),
        new PaymentIntentCaptureRequest().amountToCapture(2000L));
    assertThat(captured.getStatus()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
    assertThat(captured.getAmountReceived()).isEqualTo(2000L);

    PaypercutInvalidRequestException again = catchThrowableOfType(PaypercutInvalidRequestException.class,
        () -> client.paymentIntents().capture(pi.getId()));
    assertThat(again.providerCode()).contains("payment_intent_unexpected_state");
    assertThat(sim.payments()).singleElement().satisfies(p -> assertThat(p.amountCaptured()).isEqualTo(2000L));
  }

  @Test
  void refundsNeverExceedWhatWasCaptured() {
    PaymentIntent pi = client.paymentIntents().capture(authorize(client, 2500L).getId(),
        new PaymentIntentCaptureRequest().amountToCapture(2000L));
    Refund first = client.refunds().create(new RefundCreateRequest().paymentIntent(pi.getId()).amount(1500L));
    assertThat(first.getAmount()).isEqualTo(1500L);
    PaypercutInvalidRequestException over = catchThrowableOfType(PaypercutInvalidRequestException.class,
        () -> client.refunds().create(new RefundCreateRequest().paymentIntent(pi.getId()).amount(501L)));
    assertThat(over.param()).contains("amount");
    Refund rest = client.refunds().create(new RefundCreateRequest().payment(pi.getLatestPayment()));
    assertThat(rest.getAmount()).as("the default is what is left").isEqualTo(500L);
    Payment payment = client.payments().retrieve(pi.getLatestPayment());
    assertThat(payment.getAmountRefunded()).isEqualTo(2000L);
    assertThat(client.refunds().listAutoPaging(ListParams.refunds()).stream().map(Refund::getAmount))
        .containsExactly(500L, 1500L);
  }

  @Test
  void everyTestCardDeclinesWithItsCodesAndNothingIsRetried() {
    record Card(String pm, String decline, String advice, String network, boolean doNotTryAgain) {}
    List<Card> cards = List.of(
        new Card(PaypercutSimulator.CARD_DECLINED, "generic_decline", "try_again_later", "05", false),
        new Card(PaypercutSimulator.CARD_INSUFFICIENT_FUNDS, "insufficient_funds", "try_again_later", "51", false),
        new Card(PaypercutSimulator.CARD_DO_NOT_TRY_AGAIN, "do_not_honor", "do_not_try_again", "05", true),
        new Card(PaypercutSimulator.CARD_EXPIRED, "expired_card", "confirm_card_data", "54", false));
    for (Card card : cards) {
      CardDeclinedException e = catchThrowableOfType(CardDeclinedException.class, () -> client.paymentIntents()
          .create(new PaymentIntentCreateRequest().amount(990L).currency("EUR").paymentMethod(card.pm()).confirm(true)));
      assertThat(e.declineCode()).as(card.pm()).contains(card.decline());
      assertThat(e.adviceCode()).contains(card.advice());
      assertThat(e.networkDeclineCode()).contains(card.network());
      assertThat(e.doNotTryAgain()).isEqualTo(card.doNotTryAgain());
      assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("trc_"));
    }
    assertThat(sent("/v1/payment_intents")).hasSize(cards.size());
    assertThat(sim.payments()).hasSize(cards.size()).allSatisfy(p -> assertThat(p.status()).isEqualTo("failed"));
  }

  @Test
  void aLostAnswerIsRetriedUnderTheSameKeyAndChargesOnce() {
    sim.dropConnectionAfterProcessingNext(1);
    PaymentIntent pi = charge(client, 2500L);
    assertThat(pi.getStatus()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
    HttpRequest[] attempts = sent("/v1/payment_intents");
    assertThat(attempts).hasSize(2);
    assertThat(attempts).allSatisfy(r -> assertThat(r.getFirstHeader("Idempotency-Key")).isEqualTo(NumberedKeys.key(1)));
    assertThat(sim.paymentIntents()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(pi.getId()));
    assertThat(sim.payments()).hasSize(1);
  }

  @Test
  void anUnknownOutcomeResolvesByRepeatingWithItsKeyWithoutChargingTwice() {
    PaypercutClient once = clientBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
    sim.dropConnectionAfterProcessingNext(1);
    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class, () -> charge(once, 2500L));
    assertThat(e.idempotencyKey()).isEqualTo(NumberedKeys.key(1));
    assertThat(sim.paymentIntents()).hasSize(1); // it did go through

    PaymentIntent resolved = once.paymentIntents().create(new PaymentIntentCreateRequest().amount(2500L)
        .currency("EUR").paymentMethod(PaypercutSimulator.CARD_VISA).confirm(true),
        RequestOptions.ofIdempotencyKey(e.idempotencyKey()));
    assertThat(resolved.getId()).isEqualTo(sim.paymentIntents().get(0).id());
    assertThat(sim.paymentIntents()).hasSize(1);
    assertThat(sim.payments()).hasSize(1);
  }

  @Test
  void aKeyStillInUseIsRetriedAndTheKeyReusedWithAnotherBodyIsRefused() {
    sim.keyInUseNext(1);
    PaymentIntent pi = client.paymentIntents().create(new PaymentIntentCreateRequest().amount(100L).currency("EUR"),
        RequestOptions.ofIdempotencyKey("order-7"));
    assertThat(sent("/v1/payment_intents")).hasSize(2);
    assertThat(sleeper.waits()).hasSize(1);

    PaymentIntent replay = client.paymentIntents().create(new PaymentIntentCreateRequest().amount(100L).currency("EUR"),
        RequestOptions.ofIdempotencyKey("order-7"));
    assertThat(replay.getId()).isEqualTo(pi.getId());

    IdempotencyConflictException reused = catchThrowableOfType(IdempotencyConflictException.class,
        () -> client.paymentIntents().create(new PaymentIntentCreateRequest().amount(101L).currency("EUR"),
            RequestOptions.ofIdempotencyKey("order-7")));
    assertThat(reused.keyInUse()).isFalse();
    assertThat(sent("/v1/payment_intents")).hasSize(4);
    assertThat(sim.paymentIntents()).hasSize(1);
  }

  @Test
  void concurrentCallsWithOneKeyCreateOneIntent() throws Exception {
    PaypercutClient patient = clientBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(20)
        .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build()).build();
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<String> call = () -> {
          start.await();
          return patient.paymentIntents().create(new PaymentIntentCreateRequest().amount(700L).currency("EUR")
              .paymentMethod(PaypercutSimulator.CARD_VISA).confirm(true), RequestOptions.ofIdempotencyKey("cart-1")).getId();
        };
        results.add(pool.submit(call));
      }
      start.countDown();
      List<String> ids = new java.util.ArrayList<>();
      for (Future<String> f : results) {
        ids.add(f.get());
      }
      assertThat(ids).hasSize(threads).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(sim.paymentIntents()).hasSize(1);
    assertThat(sim.payments()).hasSize(1);
  }

  @Test
  void accountsNeverSeeEachOthersObjects() {
    Account a = client.accounts().create(new AccountCreateRequest().type(AccountCreateRequest.TypeEnum.CUSTOM).country("BG"));
    Account b = client.accounts().create(new AccountCreateRequest().type(AccountCreateRequest.TypeEnum.CUSTOM).country("DE"));
    PaymentIntent ofA = charge(client.forAccount(a.getId()), 1000L);
    assertThat(client.forAccount(a.getId()).paymentIntents().retrieve(ofA.getId()).getId()).isEqualTo(ofA.getId());
    catchThrowableOfType(PaypercutNotFoundException.class, () -> client.paymentIntents().retrieve(ofA.getId()));
    catchThrowableOfType(PaypercutNotFoundException.class,
        () -> client.forAccount(b.getId()).paymentIntents().retrieve(ofA.getId()));
    ConnectedAccountException unknown = catchThrowableOfType(ConnectedAccountException.class,
        () -> client.forAccount("acct_nobody").paymentIntents().retrieve(ofA.getId()));
    assertThat(unknown.providerCode()).contains("account_invalid");
    assertThat(client.forAccount(a.getId()).accounts().retrieveCurrent().getId()).isEqualTo(a.getId());
  }

  @Test
  void cursorPagingOnAConnectedAccountSendsItsHeaderOnEveryPage() {
    Account shop = client.accounts().create(new AccountCreateRequest().type(AccountCreateRequest.TypeEnum.CUSTOM).country("BG"));
    PaypercutClient asShop = client.forAccount(shop.getId());
    for (long amount = 101; amount <= 105; amount++) {
      charge(asShop, amount);
    }
    charge(client, 999L); // the platform's own
    List<Long> amounts = asShop.payments().listAutoPaging(ListParams.payments().limit(2)).stream()
        .map(Payment::getAmount).toList();
    assertThat(amounts).containsExactly(105L, 104L, 103L, 102L, 101L);
    HttpRequest[] pages = sent("/v2/payments");
    assertThat(pages).hasSize(3).allSatisfy(p -> {
      assertThat(p.getFirstHeader("Paypercut-Account")).isEqualTo(shop.getId());
      assertThat(p.getFirstQueryStringParameter("limit")).isEqualTo("2");
    });
    assertThat(pages[0].getFirstQueryStringParameter("last_key")).isEmpty();
    assertThat(pages[1].getFirstQueryStringParameter("last_key")).isNotEmpty();
    assertThat(client.payments().listAutoPaging(ListParams.payments()).stream().map(Payment::getAmount))
        .containsExactly(999L);
  }

  @Test
  void theSandboxRefusesALiveKey() {
    PaypercutClient live = clientBuilder().secretKey("sk_live_real_money").build();
    PaypercutAuthenticationException e = catchThrowableOfType(PaypercutAuthenticationException.class,
        () -> live.accounts().retrieveCurrent());
    assertThat(e.providerCode()).contains("livemode_key_in_test_sandbox");
    assertThat(e.getMessage()).doesNotContain("sk_live_real_money");
  }

  @Test
  void expandReturnsTheCustomerInPlaceOfItsId() {
    Customer ada = client.customers().create(new CustomerCreateRequest().name("Ada").email("ada@example.com"));
    PaymentIntent pi = client.paymentIntents().create(new PaymentIntentCreateRequest().amount(100L).currency("EUR")
        .customer(ada.getId()));
    PaymentIntent plain = client.paymentIntents().retrieve(pi.getId());
    assertThat(Expandable.isExpanded(plain.getCustomer())).isFalse();
    assertThat(Expandable.id(plain.getCustomer())).contains(ada.getId());
    PaymentIntent expanded = client.paymentIntents().retrieve(pi.getId(), List.of("customer"), RequestOptions.none());
    assertThat(Expandable.object(expanded.getCustomer(), Customer.class))
        .hasValueSatisfying(c -> assertThat(c.getEmail()).isEqualTo("ada@example.com"));
    assertThat(Expandable.id(expanded.getCustomer())).contains(ada.getId());
  }

  @Test
  void signedWebhooksArriveAreVerifiedByTheSdkAndAFailedDeliveryIsRetried() throws IOException {
    List<WebhookEvent> verified = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    PaypercutWebhooks[] webhooks = new PaypercutWebhooks[1];
    HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endpoint.createContext("/hooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = 200;
      if (calls.incrementAndGet() == 1) {
        status = 503; // the first delivery fails: the sandbox must retry it
      } else {
        verified.add(webhooks[0].verify(exchange.getRequestHeaders()::getFirst, body));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    endpoint.start();
    try {
      Webhook hook = client.webhookEndpoints().create(new WebhookCreateRequest().name("t")
          .url("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks")
          .enabledEvents(List.of(EventType.PAYMENT_INTENT_AUTHORIZED, EventType.PAYMENT_INTENT_CAPTURED)));
      assertThat(hook.getSecret()).startsWith("whsec_");
      webhooks[0] = PaypercutWebhooks.builder().secret(hook.getSecret()).clock(clock).build();
      PaymentIntent pi = client.paymentIntents().capture(authorize(client, 2500L).getId());

      sim.awaitDeliveries(Duration.ofSeconds(10));
      sim.advanceClock(Duration.ofSeconds(1)); // the failed delivery falls due
      sim.awaitDeliveries(Duration.ofSeconds(10));

      assertThat(verified).extracting(WebhookEvent::type)
          .containsExactlyInAnyOrder("payment_intent.authorized", "payment_intent.captured");
      WebhookEvent captured = verified.stream().filter(e -> e.knownType() == EventType.PAYMENT_INTENT_CAPTURED)
          .findFirst().orElseThrow();
      assertThat(captured.paymentIntent()).hasValueSatisfying(p -> {
        assertThat(p.getId()).isEqualTo(pi.getId());
        assertThat(p.getStatus()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
      });
      List<Delivery> attempts = sim.deliveries();
      assertThat(attempts).hasSize(3);
      Delivery failed = attempts.stream().filter(d -> d.attempt() == 1 && !d.delivered()).findFirst().orElseThrow();
      Delivery retried = attempts.stream().filter(d -> d.attempt() == 2).findFirst().orElseThrow();
      assertThat(retried.eventId()).isEqualTo(failed.eventId());
      assertThat(retried.deliveryId()).isNotEqualTo(failed.deliveryId());
      assertThat(retried.delivered()).isTrue();
    } finally {
      endpoint.stop(0);
    }
  }
}
