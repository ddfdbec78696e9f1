package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.PaymentIntentApi;
import dev.paykit.paypercut.model.PaymentIntent;
import dev.paykit.paypercut.model.PaymentIntentCaptureRequest;
import dev.paykit.paypercut.model.PaymentIntentConfirmRequest;
import dev.paykit.paypercut.model.PaymentIntentCreateRequest;
import java.util.List;

/**
 * Payment intents: create, retrieve, confirm, capture (manual capture) and cancel. Every POST carries an
 * idempotency key: the caller's ({@link RequestOptions#ofIdempotencyKey}) or one the client makes, the same
 * on every retry of the call; when the answer is lost, {@link dev.paykit.core.OutcomeUnknownException} names
 * it, and repeating the call with that key returns what Paypercut did. A declined card is a
 * {@link CardDeclinedException}. Thread-safe.
 */
public final class PaypercutPaymentIntents {

  private final PaymentIntentApi api;

  PaypercutPaymentIntents(ClientRuntime runtime) {
    this.api = runtime.api(PaymentIntentApi.class);
  }

  /**
   * Creates a payment intent ({@code requires_payment_method}, or confirmed at once with {@code confirm}).
   *
   * @param request the payment intent to create; not null
   * @return the created payment intent
   */
  public PaymentIntent create(PaymentIntentCreateRequest request) {
    return create(request, null, RequestOptions.none());
  }

  /**
   * Like {@link #create(PaymentIntentCreateRequest)}, with options for this call.
   *
   * @param request the payment intent to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created payment intent
   */
  public PaymentIntent create(PaymentIntentCreateRequest request, RequestOptions options) {
    return create(request, null, options);
  }

  /**
   * Like {@link #create(PaymentIntentCreateRequest)}, returning the {@code expand}ed fields as objects.
   *
   * @param request the payment intent to create; not null
   * @param expand fields to return as objects in place of ids (e.g. {@code customer}), or null for none
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created payment intent
   */
  public PaymentIntent create(PaymentIntentCreateRequest request, List<String> expand, RequestOptions options) {
    Calls.require(request, "request", "createPaymentIntent");
    List<String> e = Calls.expand(expand, "createPaymentIntent");
    return Calls.run("createPaymentIntent", options, () -> api.createPaymentIntent(null, e, request));
  }

  /**
   * Retrieves the payment intent with this id.
   *
   * @param id the payment intent's id
   * @return the payment intent
   */
  public PaymentIntent retrieve(String id) {
    return retrieve(id, null, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the payment intent's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment intent
   */
  public PaymentIntent retrieve(String id, RequestOptions options) {
    return retrieve(id, null, options);
  }

  /**
   * Retrieves an intent; {@code expand} (e.g. {@code customer}, {@code payment_method}) returns objects in place of
   * ids.
   *
   * @param id the payment intent's id
   * @param expand fields to return as objects in place of ids (e.g. {@code customer}), or null for none
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the payment intent
   */
  public PaymentIntent retrieve(String id, List<String> expand, RequestOptions options) {
    Calls.require(id, "id", "getPaymentIntent");
    List<String> e = Calls.expand(expand, "getPaymentIntent");
    return Calls.run("getPaymentIntent", options, () -> api.getPaymentIntent(id, e));
  }

  /**
   * Confirms with the payment method given at creation.
   *
   * @param id the payment intent's id
   * @return the intent after confirmation
   */
  public PaymentIntent confirm(String id) {
    return confirm(id, new PaymentIntentConfirmRequest(), null, RequestOptions.none());
  }

  /**
   * Confirms the intent with what {@code request} adds.
   *
   * @param id the payment intent's id
   * @param request the confirm request; not null
   * @return the intent after confirmation
   */
  public PaymentIntent confirm(String id, PaymentIntentConfirmRequest request) {
    return confirm(id, request, null, RequestOptions.none());
  }

  /**
   * Like {@link #confirm(String, PaymentIntentConfirmRequest)}, with options for this call.
   *
   * @param id the payment intent's id
   * @param request the confirm request; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the intent after confirmation
   */
  public PaymentIntent confirm(String id, PaymentIntentConfirmRequest request, RequestOptions options) {
    return confirm(id, request, null, options);
  }

  /**
   * Confirms the intent: {@code succeeded}, or {@code requires_capture} with {@code capture_method=manual};
   * a declined card throws {@link CardDeclinedException} and leaves the intent {@code requires_payment_method}.
   *
   * @param id the payment intent's id
   * @param request the confirm request; not null
   * @param expand fields to return as objects in place of ids (e.g. {@code customer}), or null for none
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the intent after confirmation
   */
  public PaymentIntent confirm(String id, PaymentIntentConfirmRequest request, List<String> expand,
      RequestOptions options) {
    Calls.require(id, "id", "confirmPaymentIntent");
    Calls.require(request, "request", "confirmPaymentIntent");
    List<String> e = Calls.expand(expand, "confirmPaymentIntent");
    return Calls.run("confirmPaymentIntent", options, () -> api.confirmPaymentIntent(id, null, e, request));
  }

  /**
   * Captures the whole authorized amount.
   *
   * @param id the payment intent's id
   * @return the intent after the capture
   */
  public PaymentIntent capture(String id) {
    return capture(id, new PaymentIntentCaptureRequest(), null, RequestOptions.none());
  }

  /**
   * Captures what {@code request} says.
   *
   * @param id the payment intent's id
   * @param request the capture request; not null
   * @return the intent after the capture
   */
  public PaymentIntent capture(String id, PaymentIntentCaptureRequest request) {
    return capture(id, request, null, RequestOptions.none());
  }

  /**
   * Like {@link #capture(String, PaymentIntentCaptureRequest)}, with options for this call.
   *
   * @param id the payment intent's id
   * @param request the capture request; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the intent after the capture
   */
  public PaymentIntent capture(String id, PaymentIntentCaptureRequest request, RequestOptions options) {
    return capture(id, request, null, options);
  }

  /**
   * Captures an intent in {@code requires_capture}: {@code amount_to_capture} (at most
   * {@code amount_capturable}, its default). The path is inferred (see the spec's evidence).
   *
   * @param id the payment intent's id
   * @param request the capture request; not null
   * @param expand fields to return as objects in place of ids (e.g. {@code customer}), or null for none
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the intent after the capture
   */
  public PaymentIntent capture(String id, PaymentIntentCaptureRequest request, List<String> expand,
      RequestOptions options) {
    Calls.require(id, "id", "capturePaymentIntent");
    Calls.require(request, "request", "capturePaymentIntent");
    List<String> e = Calls.expand(expand, "capturePaymentIntent");
    return Calls.run("capturePaymentIntent", options, () -> api.capturePaymentIntent(id, null, e, request));
  }

  /**
   * Cancels an intent that has not succeeded.
   *
   * @param id the payment intent's id
   * @return the cancelled intent
   */
  public PaymentIntent cancel(String id) {
    return cancel(id, RequestOptions.none());
  }

  /**
   * Cancels an intent that has not succeeded.
   *
   * @param id the payment intent's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the cancelled intent
   */
  public PaymentIntent cancel(String id, RequestOptions options) {
    Calls.require(id, "id", "cancelPaymentIntent");
    return Calls.run("cancelPaymentIntent", options, () -> api.cancelPaymentIntent(id, null));
  }
}
