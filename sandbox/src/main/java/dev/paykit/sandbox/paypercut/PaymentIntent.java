package dev.paykit.sandbox.paypercut;

/**
 * What {@link PaypercutSimulator#paymentIntents()} returns: one payment intent's state (amounts in
 * minor units of {@code currency}, lower case).
 *
 * @param latestPayment the id of its latest Payment, or null before the first confirmation
 */
public record PaymentIntent(String id, String account, long amount, String currency, String status,
    String captureMethod, long amountCapturable, long amountReceived, String latestPayment) {}
