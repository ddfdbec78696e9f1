package dev.paykit.paypercut;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filters of a list call, by their wire names; every list takes {@link #limit(int)} and may start
 * from a cursor ({@link #lastKey(String)}). Auto-paging carries these filters to every page. Not
 * thread-safe; build one per call.
 *
 * @param <B> the concrete parameters type, for chaining
 */
public abstract class ListParams<B extends ListParams<B>> {

  /**
   * RFC 3339 with seconds always, a fraction only when there is one ({@code OffsetDateTime#toString}
   * drops zero seconds, which RFC 3339 does not allow).
   */
  private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Map<String, Object> values = new LinkedHashMap<>();

  ListParams() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  B put(String wireName, Object value) {
    if (value == null) {
      values.remove(wireName);
    } else {
      values.put(wireName, value);
    }
    return self();
  }

  B putList(String wireName, List<String> value) {
    return put(wireName, value == null ? null : List.copyOf(value));
  }

  static String time(OffsetDateTime t) {
    return t == null ? null : RFC_3339.format(t);
  }

  /**
   * Items per page; at least 1 (Paypercut documents no maximum).
   *
   * @param limit at least 1
   * @return these parameters
   */
  public B limit(int limit) {
    return put("limit", limit);
  }

  /**
   * Start after this cursor: the {@code last_key} of a page read earlier.
   *
   * @param cursor the cursor, or null to start at the first page
   * @return these parameters
   */
  public B lastKey(String cursor) {
    return put("last_key", cursor);
  }

  /** {@return the query by wire name (a copy)} */
  public Map<String, Object> toQuery() {
    return new LinkedHashMap<>(values);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && values.equals(((ListParams<?>) o).values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), values);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + values;
  }

  /** Filters of {@code GET /v2/payments}. */
  public static final class Payments extends ListParams<Payments> {
    /**
     * Only payments of these customers (sent as {@code customer}).
     *
     * @param customerIds customer ids, or null to drop the filter
     * @return these parameters
     */
    public Payments customers(List<String> customerIds) { return putList("customer", customerIds); }
    /**
     * Only payments into this balance account.
     *
     * @param v the balance account's id, or null to drop the filter
     * @return these parameters
     */
    public Payments balanceAccountId(String v) { return put("balance_account_id", v); }
    /**
     * Only payments created at or after this time (sent in RFC 3339).
     *
     * @param v the time, or null to drop the filter
     * @return these parameters
     */
    public Payments startDate(OffsetDateTime v) { return put("start_date", time(v)); }
    /**
     * Only payments created at or before this time (sent in RFC 3339).
     *
     * @param v the time, or null to drop the filter
     * @return these parameters
     */
    public Payments endDate(OffsetDateTime v) { return put("end_date", time(v)); }
    /**
     * Only payments with this status.
     *
     * @param v the status, or null to drop the filter
     * @return these parameters
     */
    public Payments status(dev.paykit.paypercut.model.PaymentStatus v) { return put("status", v == null ? null : v.getValue()); }
    /**
     * Only payments in this currency.
     *
     * @param v an ISO 4217 code, or null to drop the filter
     * @return these parameters
     */
    public Payments currency(String v) { return put("currency", v); }
    /**
     * Only payments made with this kind of payment method.
     *
     * @param v the payment method as Paypercut names it, or null to drop the filter
     * @return these parameters
     */
    public Payments paymentMethod(String v) { return put("payment_method", v); }
    /**
     * Only payments of this operation.
     *
     * @param v the operation as Paypercut names it, or null to drop the filter
     * @return these parameters
     */
    public Payments operation(String v) { return put("operation", v); }
    /**
     * Overrides the other filters except the dates (docs).
     *
     * @param v your reference, or null to drop the filter
     * @return these parameters
     */
    public Payments clientReferenceId(String v) { return put("client_reference_id", v); }
    /**
     * Only the payment with this id.
     *
     * @param v the payment's id, or null to drop the filter
     * @return these parameters
     */
    public Payments id(String v) { return put("id", v); }
    /**
     * Only live-mode (true) or test-mode (false) payments.
     *
     * @param v the mode, or null for the key's own
     * @return these parameters
     */
    public Payments livemode(Boolean v) { return put("livemode", v); }
  }

  /** Filters of {@code GET /v1/refunds}. */
  public static final class Refunds extends ListParams<Refunds> {
    /**
     * Only refunds created at or after this time (sent in RFC 3339).
     *
     * @param v the time, or null to drop the filter
     * @return these parameters
     */
    public Refunds startDate(OffsetDateTime v) { return put("start_date", time(v)); }
    /**
     * Only refunds created at or before this time (sent in RFC 3339).
     *
     * @param v the time, or null to drop the filter
     * @return these parameters
     */
    public Refunds endDate(OffsetDateTime v) { return put("end_date", time(v)); }
    /**
     * Only refunds with one of these statuses.
     *
     * @param v the statuses, or null to drop the filter
     * @return these parameters
     */
    public Refunds statuses(List<String> v) { return putList("status", v); }
    /**
     * Only refunds in one of these currencies.
     *
     * @param v ISO 4217 codes, or null to drop the filter
     * @return these parameters
     */
    public Refunds currencies(List<String> v) { return putList("currency", v); }
    /**
     * Only the refund with this id.
     *
     * @param v the refund's id, or null to drop the filter
     * @return these parameters
     */
    public Refunds id(String v) { return put("id", v); }
  }

  /** Filters of {@code GET /v1/payment-links}. */
  public static final class PaymentLinks extends ListParams<PaymentLinks> {
    /**
     * Only links of these accounts.
     *
     * @param v account ids, or null to drop the filter
     * @return these parameters
     */
    public PaymentLinks accountIds(List<String> v) { return putList("account_id", v); }
    /**
     * Only links created at or after this time (sent in RFC 3339).
     *
     * @param v the time, or null to drop the filter
     * @return these parameters
     */
    public PaymentLinks startDate(OffsetDateTime v) { return put("start_date", time(v)); }
    /**
     * Only links created at or before this time (sent in RFC 3339).
     *
     * @param v the time, or null to drop the filter
     * @return these parameters
     */
    public PaymentLinks endDate(OffsetDateTime v) { return put("end_date", time(v)); }
    /**
     * Only links with one of these statuses.
     *
     * @param v the statuses, or null to drop the filter
     * @return these parameters
     */
    public PaymentLinks statuses(List<String> v) { return putList("status", v); }
    /**
     * Only links in one of these currencies.
     *
     * @param v ISO 4217 codes, or null to drop the filter
     * @return these parameters
     */
    public PaymentLinks currencies(List<String> v) { return putList("currency", v); }
    /**
     * Overrides the other filters except the dates (docs).
     *
     * @param v your reference, or null to drop the filter
     * @return these parameters
     */
    public PaymentLinks clientReferenceId(String v) { return put("client_reference_id", v); }
    /**
     * Only the link with this id.
     *
     * @param v the link's id, or null to drop the filter
     * @return these parameters
     */
    public PaymentLinks id(String v) { return put("id", v); }
  }

  /** {@code GET /v1/events}: the docs name no filter; {@code limit}/{@code last_key} are inferred. */
  public static final class Events extends ListParams<Events> {
  }

  /** {@return no filter yet for {@code GET /v2/payments}} */
  public static Payments payments() {
    return new Payments();
  }

  /** {@return no filter yet for {@code GET /v1/refunds}} */
  public static Refunds refunds() {
    return new Refunds();
  }

  /** {@return no filter yet for {@code GET /v1/payment-links}} */
  public static PaymentLinks paymentLinks() {
    return new PaymentLinks();
  }

  /** {@return the parameters of {@code GET /v1/events}: only {@code limit} and {@code last_key}} */
  public static Events events() {
    return new Events();
  }
}
