package dev.paykit.demo;

import dev.paykit.core.PaykitException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PaymentQuery;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.promptcash.ShortUrlRequest;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.promptcash.CreatePaymentResult;
import dev.paykit.promptcash.model.CreatePaymentResponse;
import dev.paykit.promptcash.model.Payment;
import dev.paykit.promptcash.model.ShortUrl;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * A short tour of paykit against the embedded sandbox: no real provider, no network beyond loopback.
 * Run it with {@code ./mvnw -q -Pdemo -DskipTests package}; it exits 0 when every step behaved.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) {
    try (PaykitSandbox sandbox = PaykitSandbox.start()) {
      promptCashTour(sandbox.promptCash());
      System.out.println();
      PrunnyTour.run(sandbox.prunny());
      System.out.println();
      PaypercutTour.run(sandbox.simulator(PaypercutSimulator.class));
      System.out.println();
      PruneTour.run(sandbox.prune());
      System.out.println();
      PtApiTour.run(sandbox.ptapi());
      System.out.println();
      System.out.println("Tour complete.");
    } catch (PaykitException | java.io.IOException e) {
      System.err.println("FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void promptCashTour(PromptCashSimulator sim) {
    sim.enforceSignatures(true);
    say("Prompt.Cash sandbox at " + sim.baseUrl() + " (API signatures enforced)");
    PromptCashClient client = PromptCashClient.builder()
        .publicToken(PromptCashSimulator.PUBLIC_TOKEN)
        .secretToken(PromptCashSimulator.SECRET_TOKEN)
        .baseUrl(sim.baseUrl())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).build())
        .build();

    CreatePaymentRequest order = CreatePaymentRequest
        .builder("order-1001", new BigDecimal("25.00"), "USD")
        .description("Blue shirt, size M")
        .build();
    CreatePaymentResponse created = client.payments().create(order);
    Payment p = created.getPayment();
    say("create-payment  tx_id=%s status=%s %s %s = %s BCH (existing=%s)", p.getTxId(), p.getStatus(),
        p.getAmountFiat().toPlainString(), p.getFiatCurrency(), p.getAmountCrypto().toPlainString(),
        created.getExisting());

    CreatePaymentResponse again = client.payments().create(order);
    say("create again    same tx_id -> existing=%s, id %s (nothing new was created)",
        again.getExisting(), again.getPayment().getId());

    Payment fetched = client.payments().get("order-1001");
    say("get-payment     %s paid=%s (the zero date means unpaid)", fetched.getStatus(), fetched.getPaid());

    try {
      client.payments().get("no-such-order");
    } catch (PaykitException e) {
      say("get unknown     %s: %s", e.getClass().getSimpleName(), e.getMessage());
    }

    for (int i = 1; i <= 4; i++) {
      client.payments().create(CreatePaymentRequest
          .builder("order-20" + i, new BigDecimal("1.5").multiply(BigDecimal.valueOf(i)), "EUR").build());
    }
    long total = client.payments().listAutoPaging(PaymentQuery.all().withLimit(2)).stream().count();
    say("get-payments    %d payments read through auto-paging, 2 per page", total);

    String token = client.shortUrls().create(ShortUrlRequest.free(URI.create("https://example.com/article"))
        .withTitle("An article").withPaywall(new BigDecimal("0.10"), "USD"));
    ShortUrl entry = client.shortUrls().get(token);
    say("surl/create     token=%s -> %s (paywall %s %s)", token, entry.getUrl(),
        entry.getAmount().toPlainString(), entry.getCurrency());
    client.shortUrls().delete(token);
    say("surl/delete     %s deleted; %d entries left", token, sim.shortUrlCount());

    sim.failNext(2, 503);
    Payment afterOutage = client.payments().get("order-1001");
    say("503, 503, 200   get-payment survived two injected 503s: %s", afterOutage.getTxId());

    int before = sim.paymentCount();
    sim.dropConnectionAfterProcessingNext(1);
    CreatePaymentResult survived = client.payments().create(CreatePaymentRequest
        .builder("order-3001", new BigDecimal("12.34"), "USD").build());
    say("dropped conn.   the sandbox stored order-3001, then cut the connection; the retry answered"
        + " existing=%s, createdOnAnEarlierAttempt=%s, and the sandbox holds %d payment(s) more, not 2",
        survived.getExisting(), survived.createdOnAnEarlierAttempt(), sim.paymentCount() - before);

    sim.dropConnectionAfterProcessingNext(1);
    sim.failNext(2, 500);
    CreatePaymentRequest order4 = CreatePaymentRequest.builder("order-4001", new BigDecimal("7.00"), "USD").build();
    try {
      client.payments().create(order4);
    } catch (OutcomeUnknownException e) {
      say("outcome unknown drop, 500, 500: not reported as failed; %s", e.resolution());
      CreatePaymentResult resolved = client.payments().create(order4);
      say("resolved        resubmitted with tx_id %s: existing=%s, one payment in the sandbox: %s",
          e.reference(), resolved.getExisting(), sim.payment("order-4001").isPresent());
    }
  }

  private static void say(String format, Object... args) {
    System.out.println("[promptcash] " + String.format(format, args));
  }
}
