package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;
import java.util.List;

/** A registered webhook endpoint and its signing secret. Immutable. */
final class Endpoint implements Owned {
  private final String id;
  private final String account;
  private final Instant created;
  final String name;
  final String url;
  final List<String> enabledEvents;
  final String secret;

  Endpoint(String id, String account, Instant created, String name, String url, List<String> enabledEvents,
      String secret) {
    this.id = id;
    this.account = account;
    this.created = created;
    this.name = name;
    this.url = url;
    this.enabledEvents = List.copyOf(enabledEvents);
    this.secret = secret;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public Instant created() {
    return created;
  }

  /** The spec's Webhook; the {@code secret} only when {@code withSecret} (the create answer). */
  ObjectNode json(boolean withSecret) {
    ObjectNode json = Json.object().put("id", id).put("name", name).put("url", url);
    ArrayNode events = json.putArray("enabled_events");
    enabledEvents.forEach(events::add);
    json.put("status", "enabled");
    if (withSecret) {
      json.put("secret", secret);
    }
    return json.put("created", Render.time(created)).put("livemode", false);
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "Endpoint[" + id + " " + url + "]";
  }
}
