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

  /**
   * This query with a status filter.
   *
   * @param value only payments with this status, or null for any
   * @return a copy with {@code value} as {@link #status()}
   */
  public PaymentQuery withStatus(PaymentStatus value) {
    return new PaymentQuery(currency, value, from, to, limit, offset);
  }

  /**
   * This query with a currency filter.
   *
   * @param value only payments in this currency, or null for any
   * @return a copy with {@code value} as {@link #currency()}
   */
  public PaymentQuery withCurrency(String value) {
    return new PaymentQuery(value, status, from, to, limit, offset);
  }

  /**
   * This query with another page size.
   *
   * @param value 1 to 500, or null for the provider's default (100)
   * @return a copy with {@code value} as {@link #limit()}
   */
  public PaymentQuery withLimit(Integer value) {
    return new PaymentQuery(currency, status, from, to, value, offset);
  }

  /**
   * This query restricted to payments created in a time range (sent as UNIX seconds).
   *
   * @param fromInclusive created at or after this instant, or null for no lower bound
   * @param toExclusive created before this instant, or null for no upper bound
   * @return a copy with both bounds replaced
   */
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
