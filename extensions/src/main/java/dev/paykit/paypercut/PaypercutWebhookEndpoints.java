package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.WebhooksApi;
import dev.paykit.paypercut.model.Webhook;
import dev.paykit.paypercut.model.WebhookCreateRequest;
import dev.paykit.paypercut.model.WebhookList;

/**
 * Webhook endpoints: register, list, retrieve, delete. The answer to {@link #create} carries the
 * endpoint's signing {@code secret} (never written to the wire log): give it to {@link PaypercutWebhooks}
 * to verify what arrives. Thread-safe.
 */
public final class PaypercutWebhookEndpoints {

  private final WebhooksApi api;

  PaypercutWebhookEndpoints(ClientRuntime runtime) {
    this.api = runtime.api(WebhooksApi.class);
  }

  /**
   * Creates a webhook endpoint.
   *
   * @param request the webhook endpoint to create; not null
   * @return the created webhook endpoint
   */
  public Webhook create(WebhookCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Like {@link #create(WebhookCreateRequest)}, with options for this call.
   *
   * @param request the webhook endpoint to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created webhook endpoint
   */
  public Webhook create(WebhookCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createWebhook");
    return Calls.run("createWebhook", options, () -> api.createWebhook(null, request));
  }

  /**
   * The webhook endpoints.
   *
   * @return one page of webhook endpoints
   */
  public WebhookList list() {
    return list(RequestOptions.none());
  }

  /**
   * Like {@link #list()}, with options for this call.
   *
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return one page of webhook endpoints
   */
  public WebhookList list(RequestOptions options) {
    return Calls.run("listWebhooks", options, api::listWebhooks);
  }

  /**
   * Retrieves the webhook endpoint with this id.
   *
   * @param id the webhook endpoint's id
   * @return the webhook endpoint
   */
  public Webhook retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the webhook endpoint's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the webhook endpoint
   */
  public Webhook retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getWebhook");
    return Calls.run("getWebhook", options, () -> api.getWebhook(id));
  }

  /**
   * Deletes the webhook endpoint with this id.
   *
   * @param id the webhook endpoint's id
   */
  public void delete(String id) {
    delete(id, RequestOptions.none());
  }

  /**
   * Like {@link #delete(String)}, with options for this call.
   *
   * @param id the webhook endpoint's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   */
  public void delete(String id, RequestOptions options) {
    Calls.require(id, "id", "deleteWebhook");
    Calls.run("deleteWebhook", options, () -> {
      api.deleteWebhook(id);
      return null;
    });
  }
}
