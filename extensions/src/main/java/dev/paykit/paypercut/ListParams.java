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

  /** Items per page; at least 1 (Paypercut documents no maximum). */
  public B limit(int limit) {
    return put("limit", limit);
  }

  /** Start after this cursor: the {@code last_key} of a page read earlier. */
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
    public Payments customers(List<String> customerIds) { return putList("customer", customerIds); }
    public Payments balanceAccountId(String v) { return put("balance_account_id", v); }
    public Payments startDate(OffsetDateTime v) { return put("start_date", time(v)); }
    public Payments endDate(OffsetDateTime v) { return put("end_date", time(v)); }
    public Payments status(dev.paykit.paypercut.model.PaymentStatus v) { return put("status", v == null ? null : v.getValue()); }
    public Payments currency(String v) { return put("currency", v); }
    public Payments paymentMethod(String v) { return put("payment_method", v); }
    public Payments operation(String v) { return put("operation", v); }
    /** Overrides the other filters except the dates (docs). */
    public Payments clientReferenceId(String v) { return put("client_reference_id", v); }
    public Payments id(String v) { return put("id", v); }
    public Payments livemode(Boolean v) { return put("livemode", v); }
  }

  /** Filters of {@code GET /v1/refunds}. */
  public static final class Refunds extends ListParams<Refunds> {
    public Refunds startDate(OffsetDateTime v) { return put("start_date", time(v)); }
    public Refunds endDate(OffsetDateTime v) { return put("end_date", time(v)); }
    public Refunds statuses(List<String> v) { return putList("status", v); }
    public Refunds currencies(List<String> v) { return putList("currency", v); }
    public Refunds id(String v) { return put("id", v); }
  }

  /** Filters of {@code GET /v1/payment-links}. */
  public static final class PaymentLinks extends ListParams<PaymentLinks> {
    public PaymentLinks accountIds(List<String> v) { return putList("account_id", v); }
    public PaymentLinks startDate(OffsetDateTime v) { return put("start_date", time(v)); }
    public PaymentLinks endDate(OffsetDateTime v) { return put("end_date", time(v)); }
    public PaymentLinks statuses(List<String> v) { return putList("status", v); }
    public PaymentLinks currencies(List<String> v) { return putList("currency", v); }
    /** Overrides the other filters except the dates (docs). */
    public PaymentLinks clientReferenceId(String v) { return put("client_reference_id", v); }
    public PaymentLinks id(String v) { return put("id", v); }
  }

  /** {@code GET /v1/events}: the docs name no filter; {@code limit}/{@code last_key} are inferred. */
  public static final class Events extends ListParams<Events> {
  }

  public static Payments payments() {
    return new Payments();
  }

  public static Refunds refunds() {
    return new Refunds();
  }

  public static PaymentLinks paymentLinks() {
    return new PaymentLinks();
  }

  public static Events events() {
    return new Events();
  }
}
