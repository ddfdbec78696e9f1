package dev.paykit.sandbox.promptcash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;

/** One entry of the URL shortener; immutable, rendered as in the docs' "Get Url" example. */
record ShortUrl(
    String token,
    String url,
    String title,
    String description,
    BigDecimal amount,
    String currency,
    String mode) {

  /** The entry after {@code surl/update}: every updatable field replaced, token and url kept. */
  ShortUrl updated(
      String newTitle, String newDescription, BigDecimal newAmount, String newCurrency, String newMode) {
    return new ShortUrl(token, url, newTitle, newDescription, newAmount, newCurrency, newMode);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("token", token);
    json.put("url", url);
    json.put("title", title);
    json.put("description", description);
    json.set("amount", Json.decimal(amount));
    json.put("currency", currency);
    json.put("mode", mode);
    return json;
  }
}
