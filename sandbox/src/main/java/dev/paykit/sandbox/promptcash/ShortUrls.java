package dev.paykit.sandbox.promptcash;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Numbers;
import java.math.BigDecimal;
import org.mockserver.model.HttpRequest;

/**
 * The URL shortener endpoints ({@code surl/create|update|get|delete|list}, docs section "URL
 * Shortener"). Every answer carries {@code "status"}: SUCCESS, or FAILED with an {@code error}
 * (see {@link Errors#asShortUrlFailure}).
 */
final class ShortUrls {
  private final Store store;

  ShortUrls(Store store) {
    this.store = store;
  }

  /** {@code POST /surl/create} (form): url, amount, currency and mode are required (docs table). */
  ObjectNode create(HttpRequest request) {
    FormParameters form = FormParameters.fromFormBody(request);
    String url = form.required("url");
    BigDecimal amount = amount(form);
    String currency = form.required("currency");
    String mode = form.required("mode");
    String token = store.createShortUrl(t -> new ShortUrl(
        t, url, form.get("title"), form.get("description"), amount, currency, mode));
    return success().put("token", token);
  }

  /** {@code POST /surl/update} (form): replaces title, description, amount, currency and mode. */
  ObjectNode update(HttpRequest request) {
    FormParameters form = FormParameters.fromFormBody(request);
    String token = form.required("token");
    BigDecimal amount = amount(form);
    String currency = form.required("currency");
    String mode = form.required("mode");
    boolean found = store.updateShortUrl(token,
        entry -> entry.updated(form.get("title"), form.get("description"), amount, currency, mode));
    if (!found) {
      throw notFound();
    }
    return success();
  }

  /** {@code GET /surl/get?token=}: {@code {"url": {...}, "status": "SUCCESS"}}. */
  ObjectNode get(FormParameters query) {
    ShortUrl entry = store.shortUrl(query.required("token")).orElseThrow(this::notFound);
    ObjectNode body = Json.object();
    body.set("url", entry.toJson());
    return body.put("status", "SUCCESS");
  }

  /**
   * {@code POST /surl/delete?token=}: the token travels in the query string even though this is a
   * POST (docs' curl example), so a body-only token is not looked at.
   */
  ObjectNode delete(FormParameters query) {
    if (!store.deleteShortUrl(query.required("token"))) {
      throw notFound();
    }
    return success();
  }

  /** {@code GET /surl/list?limit=&offset=}: same window rules as get-payments. */
  ObjectNode list(FormParameters query) {
    Page page = Page.from(query);
    ArrayNode data = Json.object().arrayNode();
    page.apply(store.shortUrls()).forEach(entry -> data.add(entry.toJson()));
    ObjectNode body = Json.object();
    body.set("data", data);
    return body.put("status", "SUCCESS");
  }

  /** A paywall price: a plain decimal, zero allowed (the docs' default is 0.00). */
  private static BigDecimal amount(FormParameters form) {
    return Numbers.plainDecimal("amount", form.required("amount"));
  }

  private ApiError notFound() {
    return Errors.of(404, "short url not found");
  }

  private static ObjectNode success() {
    return Json.object().put("status", "SUCCESS");
  }
}
