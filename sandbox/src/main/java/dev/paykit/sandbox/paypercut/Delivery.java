package dev.paykit.sandbox.paypercut;

import java.time.Instant;

/**
 * One attempt to deliver an event to a webhook endpoint, as {@link PaypercutSimulator#deliveries()}
 * records it: what was sent (the exact body and headers) and what came of it.
 *
 * @param deliveryId the {@code Paypercut-Delivery-Id} sent: new on every attempt
 * @param eventId the {@code Paypercut-Event-Id} sent: the same on every attempt of one event
 * @param attempt 1 for the first attempt, 2 for the first retry ...
 * @param attemptedAt the simulator's clock when the attempt was made; {@code t=} of the signature
 * @param body the exact request body (the event's JSON)
 * @param signature the {@code Paypercut-Signature} header sent, {@code t=<unix>,v1=<hex>}; null when
 *     nothing was sent (a refused URL)
 * @param status the endpoint's HTTP status, or 0 when there was none (refused, connection failed,
 *     timed out)
 * @param error why the attempt failed without a status ({@code refused: ...}, {@code connection
 *     failed: ...}, {@code timed out after PT2S}), or null
 */
public record Delivery(String deliveryId, String eventId, String eventType, String webhookId, String url,
    int attempt, Instant attemptedAt, String body, String signature, int status, String error) {

  /** {@return whether the endpoint answered 2xx} */
  public boolean delivered() {
    return status >= 200 && status < 300;
  }

  /** {@return whether the URL was not delivered to at all (not loopback)} */
  public boolean refused() {
    return error != null && error.startsWith("refused");
  }
}
