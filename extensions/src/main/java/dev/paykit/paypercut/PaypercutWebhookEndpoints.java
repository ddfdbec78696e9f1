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

  public Webhook create(WebhookCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  public Webhook create(WebhookCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createWebhook");
    return Calls.run("createWebhook", options, () -> api.createWebhook(null, request));
  }

  public WebhookList list() {
    return list(RequestOptions.none());
  }

  public WebhookList list(RequestOptions options) {
    return Calls.run("listWebhooks", options, api::listWebhooks);
  }

  public Webhook retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  public Webhook retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getWebhook");
    return Calls.run("getWebhook", options, () -> api.getWebhook(id));
  }

  public void delete(String id) {
    delete(id, RequestOptions.none());
  }

  public void delete(String id, RequestOptions options) {
    Calls.require(id, "id", "deleteWebhook");
    Calls.run("deleteWebhook", options, () -> {
      api.deleteWebhook(id);
      return null;
    });
  }
}
