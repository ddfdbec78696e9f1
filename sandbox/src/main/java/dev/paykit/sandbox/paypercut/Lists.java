package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Paging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Paypercut's cursor lists (https://docs.paypercut.io/api-reference/tag/payments-v2/get/v2/payments):
 * answer {@code {items, last_key}}, most recent first (then the higher id first, for objects made in
 * the same second); query {@code limit} (1 to {@value PaypercutSimulator#MAX_PAGE_SIZE}, default
 * {@value PaypercutSimulator#DEFAULT_PAGE_SIZE}) and {@code last_key}, the opaque cursor of the
 * previous page. The cursor is what the docs' example decodes to: standard Base64 (RFC 4648 §4,
 * padded) of {@code {"lastId":"...","lastCreatedAt":"<RFC 3339>"}}, naming the last item of the
 * page; the next page starts after it. {@code last_key} is null on the last page. Stateless.
 */
final class Lists {
  /** Where a page ended. */
  record Cursor(String lastId, Instant lastCreatedAt) {}

  private static final Comparator<Owned> NEWEST_FIRST =
      Comparator.comparing(Owned::created).thenComparing(Owned::id).reversed();

  private Lists() {}

  /** One page of {@code objects} (any order, already filtered), rendered by {@code render}. */
  static <T extends Owned> ObjectNode page(Call call, List<T> objects, Function<T, JsonNode> render) {
    int limit = limit(call);
    Cursor cursor = call.query("last_key", 5000).map(Lists::decode).orElse(null);
    List<T> sorted = new ArrayList<>(objects);
    sorted.sort(NEWEST_FIRST);
    List<T> rest = cursor == null ? sorted : sorted.stream().filter(o -> after(o, cursor)).toList();
    List<T> window = Paging.slice(rest, 0, limit);
    ObjectNode page = Json.object();
    ArrayNode items = page.putArray("items");
    window.forEach(o -> items.add(render.apply(o)));
    if (rest.size() > window.size()) {
      T last = window.get(window.size() - 1);
      page.put("last_key", encode(last.id(), last.created()));
    } else {
      page.putNull("last_key");
    }
    return page;
  }

  /** Whether {@code o} comes after the cursor's item in newest-first order. */
  private static boolean after(Owned o, Cursor cursor) {
    int byTime = o.created().compareTo(cursor.lastCreatedAt());
    return byTime < 0 || (byTime == 0 && o.id().compareTo(cursor.lastId()) < 0);
  }

  static int limit(Call call) {
    return call.query("limit").map(value -> {
      try {
        int limit = Integer.parseInt(value);
        if (limit >= 1 && limit <= PaypercutSimulator.MAX_PAGE_SIZE) {
          return limit;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      throw Errors.invalid("limit", "must be a whole number from 1 to " + PaypercutSimulator.MAX_PAGE_SIZE);
    }).orElse(PaypercutSimulator.DEFAULT_PAGE_SIZE);
  }

  static String encode(String lastId, Instant lastCreatedAt) {
    ObjectNode json = Json.object().put("lastId", lastId).put("lastCreatedAt", Render.time(lastCreatedAt));
    return Base64.getEncoder().encodeToString(Json.bytes(json));
  }

  /** The cursor in {@code lastKey}; 400 {@code last_key} for anything this simulator did not hand out. */
  static Cursor decode(String lastKey) {
    try {
      JsonNode json = Json.parse(Base64.getDecoder().decode(lastKey.getBytes(StandardCharsets.US_ASCII)));
      JsonNode id = json.get("lastId");
      JsonNode created = json.get("lastCreatedAt");
      if (id != null && id.isTextual() && created != null && created.isTextual() && json.size() == 2) {
        return new Cursor(id.textValue(), OffsetDateTime.parse(created.textValue()).toInstant());
      }
    } catch (IllegalArgumentException | IOException | DateTimeParseException e) {
      // answered below
    }
    throw Errors.invalid("last_key", "not a cursor of this list (use the last_key of the previous page as is)");
  }
}
