package dev.paykit.benchmarks;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;

/**
 * stripe-java 33.3.0 against the Stripe-shaped stub of {@link LoopbackServer} ({@code /v1/payment_intents}):
 * its own HTTP client and defaults, no network retries (as every other client in the comparison).
 * Benchmarks only: stripe-java is never a dependency of a shipped module.
 */
final class StripeStub {

  private static final PaymentIntentCreateParams CREATE = PaymentIntentCreateParams.builder()
      .setAmount(2500L)
      .setCurrency("usd")
      .setDescription("Blue shirt")
      .putMetadata("order_id", "order-1")
      .build();

  private StripeStub() {}

  static StripeClient client(String server) {
    return new StripeClient.StripeClientBuilder()
        .setApiKey("sk_test_bench")
        .setApiBase(server)
        .setMaxNetworkRetries(0)
        .build();
  }

  static PaymentIntent retrieve(StripeClient client) throws StripeException {
    return client.v1().paymentIntents().retrieve("pi_3Q0bench0000000001");
  }

  static PaymentIntent create(StripeClient client) throws StripeException {
    return client.v1().paymentIntents().create(CREATE);
  }
}
