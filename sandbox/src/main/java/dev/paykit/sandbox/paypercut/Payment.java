package dev.paykit.sandbox.paypercut;

/**
 * What {@link PaypercutSimulator#payments()} returns: one Payment as booked, for tests that count
 * what was charged, captured and refunded (amounts in minor units of {@code currency}, lower case).
 *
 * @param status {@code failed}, {@code pending} (authorized, not captured) or {@code succeeded}
 * @param latestStatus {@code declined}, {@code authorized}, {@code captured}, {@code canceled},
 *     {@code partially_refunded} or {@code refunded}
 * @param failureCode {@code card_declined} for a declined card, else null
 */
public record Payment(String id, String account, String paymentIntent, long amount, String currency,
    String status, String latestStatus, boolean captured, long amountCaptured, long amountRefunded,
    String failureCode) {}
