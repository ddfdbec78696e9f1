package dev.paykit.promptcash;

import dev.paykit.promptcash.model.PaymentStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Filters for {@code get-payments}; every field optional. Immutable.
 *
 * @param currency only payments in this currency
 * @param status only payments with this status
 * @param from created at or after this instant (sent as UNIX seconds)
 * @param to created before this instant (sent as UNIX seconds)
 * @param limit page size, 1 to 500 (provider default 100)
 * @param offset payments to skip
 */
public record PaymentQuery(String currency, PaymentStatus status, Instant from, Instant to,
    Integer limit, Integer offset) {

  /** {@return no filter: every payment} */
  public static PaymentQuery all() {
    return new PaymentQuery(null, null, null, null, null, null);
  }

  public PaymentQuery withStatus(PaymentStatus value) {
    return new PaymentQuery(currency, value, from, to, limit, offset);
  }

  public PaymentQuery withCurrency(String value) {
    return new PaymentQuery(value, status, from, to, limit, offset);
  }

  public PaymentQuery withLimit(Integer value) {
    return new PaymentQuery(currency, status, from, to, value, offset);
  }

  public PaymentQuery between(Instant fromInclusive, Instant toExclusive) {
    return new PaymentQuery(currency, status, fromInclusive, toExclusive, limit, offset);
  }

  /** The query parameters by their wire names, nulls left out. */
  Map<String, Object> toQuery() {
    Map<String, Object> q = new HashMap<>();
    put(q, "currency", currency);
    put(q, "status", status == null ? null : status.getValue());
    put(q, "from", from == null ? null : from.getEpochSecond());
    put(q, "to", to == null ? null : to.getEpochSecond());
    put(q, "limit", limit);
    put(q, "offset", offset);
    return q;
  }

  private static void put(Map<String, Object> q, String k, Object v) {
    if (v != null) {
      q.put(k, v);
    }
  }
}
