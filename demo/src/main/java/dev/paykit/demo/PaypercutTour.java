package dev.paykit.demo;

import com.sun.net.httpserver.HttpServer;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.SignatureVerificationException;
import dev.paykit.paypercut.CardDeclinedException;
import dev.paykit.paypercut.ListParams;
import dev.paykit.paypercut.PaypercutClient;
import dev.paykit.paypercut.PaypercutMoney;
import dev.paykit.paypercut.PaypercutWebhooks;
import dev.paykit.paypercut.WebhookEvent;
import dev.paykit.paypercut.model.Account;
import dev.paykit.paypercut.model.AccountCreateRequest;
import dev.paykit.paypercut.model.Customer;
import dev.paykit.paypercut.model.CustomerCreateRequest;
import dev.paykit.paypercut.model.EventType;
import dev.paykit.paypercut.model.PaymentIntent;
import dev.paykit.paypercut.model.PaymentIntentCaptureRequest;
import dev.paykit.paypercut.model.PaymentIntentConfirmRequest;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import dev.paykit.paypercut.model.Refund;
import dev.paykit.paypercut.model.RefundCreateRequest;
import dev.paykit.paypercut.model.Webhook;
import dev.paykit.paypercut.model.WebhookCreateRequest;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Paypercut part of the demo: a customer and a manually captured payment intent, the signed webhooks
 * received on a local endpoint and verified, a partial refund, a declined card, and a connected account's
 * payments read through cursor auto-paging.
 */
final class PaypercutTour {

  private PaypercutTour() {}

  static void run(PaypercutSimulator sim) throws IOException {
    say("Paypercut sandbox at " + sim.baseUrl());
    PaypercutClient paypercut = PaypercutClient.builder()
        .secretKey(PaypercutSimulator.TEST_KEY)
        .baseUrl(sim.baseUrl())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).build())
        .build();
    say("client          %s mode (from the key's prefix)", paypercut.mode());

    // a local webhook endpoint that verifies every delivery with the SDK before reading it
    List<WebhookEvent> received = new CopyOnWriteArrayList<>();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    PaypercutWebhooks[] verifier = new PaypercutWebhooks[1];
    endpoint.createContext("/hooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status;
      try {
        received.add(verifier[0].verify(exchange.getRequestHeaders()::getFirst, body));
        status = 200;
      } catch (SignatureVerificationException forged) {
        status = 400;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    endpoint.start();
    try {
      String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks";
      Webhook hook = paypercut.webhookEndpoints().create(new WebhookCreateRequest().name("demo shop").url(url)
          .enabledEvents(List.of(EventType.PAYMENT_INTENT_AUTHORIZED, EventType.PAYMENT_INTENT_CAPTURED)));
      verifier[0] = PaypercutWebhooks.builder().secret(hook.getSecret()).build();
      say("webhook         %s registered for %s", hook.getId(), hook.getEnabledEvents());

      Customer ada = paypercut.customers().create(new CustomerCreateRequest().name("Ada Lovelace")
          .email("ada@example.com"));
      PaymentIntent intent = paypercut.paymentIntents().create(new PaymentIntentCreateRequest()
          .amount(2500L).currency("EUR").customer(ada.getId())
          .captureMethod(PaymentIntentCreateRequest.CaptureMethodEnum.MANUAL),
          RequestOptions.ofIdempotencyKey("order-1001-intent"));
      intent = paypercut.paymentIntents().confirm(intent.getId(),
          new PaymentIntentConfirmRequest().paymentMethod(PaypercutSimulator.CARD_VISA));
      say("intent          %s for %s %s: %s, %s capturable", intent.getId(),
          PaypercutMoney.toDecimal(intent.getAmount(), intent.getCurrency()).toPlainString(),
          intent.getCurrency().getIso(), intent.getStatus(),
          PaypercutMoney.toDecimal(intent.getAmountCapturable(), intent.getCurrency()).toPlainString());
      intent = paypercut.paymentIntents().capture(intent.getId(),
          new PaymentIntentCaptureRequest().amountToCapture(2000L));
      say("capture         %s: %s received", intent.getStatus(),
          PaypercutMoney.toDecimal(intent.getAmountReceived(), intent.getCurrency()).toPlainString());

      sim.awaitDeliveries(Duration.ofSeconds(10));
      for (WebhookEvent e : received) {
        say("webhook in      %s %s, signature verified, intent %s", e.id(), e.type(),
            e.paymentIntent().map(PaymentIntent::getStatus).orElse(null));
      }

      Refund refund = paypercut.refunds().create(new RefundCreateRequest().paymentIntent(intent.getId())
          .amount(500L).reason(RefundCreateRequest.ReasonEnum.REQUESTED_BY_CUSTOMER));
      say("refund          %s of %s EUR (%s)", refund.getId(),
          PaypercutMoney.toDecimal(refund.getAmount(), 2).toPlainString(), refund.getStatus());

      try {
        paypercut.paymentIntents().create(new PaymentIntentCreateRequest().amount(990L).currency("EUR")
            .paymentMethod(PaypercutSimulator.CARD_INSUFFICIENT_FUNDS).confirm(true));
      } catch (CardDeclinedException e) {
        say("declined        %s: decline_code %s, advice %s, network %s (trace %s)", e.getClass().getSimpleName(),
            e.declineCode().orElse("?"), e.adviceCode().orElse("?"), e.networkDeclineCode().orElse("?"),
            e.requestId().orElse("?"));
      }

      Account shop = paypercut.accounts().create(new AccountCreateRequest()
          .type(AccountCreateRequest.TypeEnum.CUSTOM).country("BG").email("shop@example.com"));
      PaypercutClient asShop = paypercut.forAccount(shop.getId());
      for (long amount : new long[] {1200L, 3400L, 560L}) {
        asShop.paymentIntents().create(new PaymentIntentCreateRequest().amount(amount).currency("EUR")
            .paymentMethod(PaypercutSimulator.CARD_VISA).confirm(true));
      }
      List<String> payments = asShop.payments().listAutoPaging(ListParams.payments().limit(2)).stream()
          .map(p -> p.getId() + " " + PaypercutMoney.toDecimal(p.getAmount(), p.getCurrency()).toPlainString())
          .toList();
      say("connected       %s: %d payments read 2 per page with Paypercut-Account on every page: %s",
          shop.getId(), payments.size(), payments);
      long platformPayments = paypercut.payments().listAutoPaging(ListParams.payments()).stream().count();
      say("platform        sees %d payments of its own, none of the connected account's", platformPayments);
    } finally {
      endpoint.stop(0);
      paypercut.close();
    }
  }

  private static void say(String format, Object... args) {
    System.out.println("[paypercut]  " + String.format(format, args));
  }
}
