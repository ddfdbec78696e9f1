package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Webhook endpoints and events. An endpoint is stored with a fresh random {@code secret}
 * ({@code whsec_...}), shown only in the answer to its creation, and {@code status: enabled}; any
 * http(s) URL is accepted, only loopback ones are delivered to ({@link Deliveries}). Deleting
 * answers 200 {@code {id, deleted: true}} and drops its pending deliveries. Events are listed (cursor
 * paged) and read in the account they happened in, as the exact JSON that was delivered.
 */
final class WebhooksApi {
  static final List<String> EVENT_TYPES = List.of("checkout_session.completed", "payment_intent.authorized",
      "payment_intent.captured", "account.updated", "account.external_account.created",
      "account.external_account.updated", "invoice.paid", "invoice.payment_failed");

  private final Store store;
  private final Deliveries deliveries;

  WebhooksApi(Store store, Deliveries deliveries) {
    this.store = store;
    this.deliveries = deliveries;
  }

  ObjectNode create(Call call) {
    Body b = call.body();
    String name = b.requiredString("name", 1, 5000);
    String url = b.uri("url", 5000).orElseThrow(() -> Errors.missing("url"));
    String scheme = URI.create(url).getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw Errors.invalid("url", "must be an http or https URL");
    }
    List<String> events = b.enumerations("enabled_events", 1, EVENT_TYPES)
        .orElseThrow(() -> Errors.missing("enabled_events"));
    b.finish();
    Instant now = call.now();
    return store.apply(s -> {
      Endpoint endpoint = new Endpoint(s.nextId("wh"), call.account(), now, name, url,
          events.stream().distinct().toList(), Signature.newSecret());
      s.endpoints.put(endpoint.id(), endpoint);
      return endpoint.json(true);
    });
  }

  /** {@code {items}}, unpaged, most recent first; never the secrets. */
  ObjectNode list(Call call) {
    return store.apply(s -> {
      ObjectNode page = Json.object();
      ArrayNode items = page.putArray("items");
      State.ownedBy(s.endpoints, call.account()).stream()
          .sorted(Comparator.comparing(Endpoint::created).thenComparing(Endpoint::id).reversed())
          .forEach(e -> items.add(e.json(false)));
      return page;
    });
  }

  ObjectNode get(Call call) {
    return store.apply(s -> endpoint(s, call).json(false));
  }

  ObjectNode delete(Call call) {
    return store.apply(s -> {
      Endpoint endpoint = endpoint(s, call);
      s.endpoints.remove(endpoint.id());
      deliveries.forget(endpoint.id());
      return Json.object().put("id", endpoint.id()).put("deleted", true);
    });
  }

  private static Endpoint endpoint(State s, Call call) {
    String id = call.pathParameter(0);
    return State.owned(s.endpoints, call.account(), id).orElseThrow(() -> Errors.notFound("webhook", id));
  }

  ObjectNode listEvents(Call call) {
    return store.apply(s -> Lists.page(call, State.ownedBy(s.events, call.account()), Event::json));
  }

  ObjectNode getEvent(Call call) {
    String id = call.pathParameter(0);
    return store.apply(s -> State.owned(s.events, call.account(), id)
        .orElseThrow(() -> Errors.notFound("event", id)).json());
  }
}
