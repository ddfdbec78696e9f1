package dev.paykit.ptapi;

import dev.paykit.ptapi.model.CardholderStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A search of a business's cardholders ({@code searchCardholders}): a {@link PtQuery} for {@code q}, the
 * typed property filters ({@code status}, {@code email}), a {@link PtSort} for {@code sort_by}, {@code limit}
 * and {@code offset}. The business ({@code customerId}) is the search's, else the scope's
 * ({@link PtApiClient#forBusiness}). Immutable and thread-safe.
 *
 * <pre>{@code
 * CardholderSearch joes = CardholderSearch.builder()
 *     .query(PtQuery.field("firstName", userInput).and(PtQuery.range("age", "20", "30")))
 *     .sort(PtSort.asc("lastName")).limit(50).build();
 * for (Cardholder c : pt.forBusiness(business).cardholders().searchAll(joes)) { ... }
 * }</pre>
 */
public final class CardholderSearch {

  private final String customerId;
  private final PtQuery query;
  private final CardholderStatus status;
  private final String email;
  private final PtSort sort;
  private final Integer limit;
  private final Integer offset;

  private CardholderSearch(Builder b) {
    this.customerId = b.customerId;
    this.query = b.query;
    this.status = b.status;
    this.email = b.email;
    this.sort = b.sort;
    this.limit = b.limit;
    this.offset = b.offset;
  }

  /** {@return a builder with nothing set: every cardholder of the scope's business} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every cardholder of the scope's business, in PT's order} */
  public static CardholderSearch all() {
    return builder().build();
  }

  /** {@return the business searched, or null: the scope's} */
  public String customerId() {
    return customerId;
  }

  /** The query parameters under their wire names (null ones left out). */
  Map<String, Object> toQuery() {
    Map<String, Object> q = new LinkedHashMap<>();
    CardSearch.put(q, "q", query == null ? null : query.expression());
    CardSearch.put(q, "limit", limit);
    CardSearch.put(q, "offset", offset);
    CardSearch.put(q, "sort_by", sort == null ? null : sort.expression());
    CardSearch.put(q, "status", status);
    CardSearch.put(q, "email", email);
    return q;
  }

  @Override
  public String toString() {
    // the e-mail filter is personal data: named, not shown
    Map<String, Object> shown = toQuery();
    shown.computeIfPresent("email", (k, v) -> "(given)");
    return "CardholderSearch" + shown + (customerId == null ? "" : " of " + customerId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CardholderSearch s && Objects.equals(customerId, s.customerId)
        && toQuery().equals(s.toQuery());
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, toQuery());
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private String customerId;
    private PtQuery query;
    private CardholderStatus status;
    private String email;
    private PtSort sort;
    private Integer limit;
    private Integer offset;

    private Builder() {}

    /**
     * The business to search (default: the scope's).
     *
     * @param v the business's {@code customerId}, or null for the scope's
     * @return this builder
     */
    public Builder customerId(String v) { this.customerId = v; return this; }
    /**
     * The search expression ({@code q}), built so that no value changes its structure.
     *
     * @param v the expression, or null for none
     * @return this builder
     */
    public Builder query(PtQuery v) { this.query = v; return this; }
    /**
     * Only cardholders with this status.
     *
     * @param v the status, or null for any
     * @return this builder
     */
    public Builder status(CardholderStatus v) { this.status = v; return this; }
    /**
     * Only cardholders with this e-mail address.
     *
     * @param v the address, or null for any
     * @return this builder
     */
    public Builder email(String v) { this.email = v; return this; }
    /**
     * The order ({@code sort_by}).
     *
     * @param v the order, or null for PT's
     * @return this builder
     */
    public Builder sort(PtSort v) { this.sort = v; return this; }
    /**
     * The page size, 1 to 100 (auto-paging: the page size it asks for; default 100).
     *
     * @param v 1 to 100
     * @return this builder
     */
    public Builder limit(int v) { this.limit = v; return this; }
    /**
     * Items to skip (auto-paging: where it starts).
     *
     * @param v 0 or more
     * @return this builder
     */
    public Builder offset(int v) { this.offset = v; return this; }

    /** {@return the search; its values are checked when it is sent} */
    public CardholderSearch build() {
      return new CardholderSearch(this);
    }
  }
}
