package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;

/**
 * An event (the spec's Event): the object as it was when the event happened, frozen as the exact
 * bytes that {@code GET /v1/events/{id}} answers and every webhook delivery sends. Immutable.
 */
final class Event implements Owned {
  static final String API_VERSION = "v1";

  private final String id;
  private final String account;
  private final Instant created;
  final String type;
  private final byte[] body;

  /** @param connected the connected account's id, or null for the platform ({@code account} field) */
  Event(String id, String account, String connected, Instant created, String type, ObjectNode object) {
    this.id = id;
    this.account = account;
    this.created = created;
    this.type = type;
    ObjectNode json = Json.object().put("id", id).put("type", type).put("created", Render.time(created))
        .put("livemode", false);
    Account.putNullable(json, "account", connected);
    json.put("api_version", API_VERSION);
    json.putObject("data").set("object", object);
    this.body = Json.bytes(json);
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

  byte[] body() {
    return body.clone();
  }

  ObjectNode json() {
    try {
      return (ObjectNode) Json.parse(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an event's own JSON does not parse", e);
    }
  }
}
