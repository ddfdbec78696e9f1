package dev.paykit.ptapi;

import dev.paykit.ptapi.model.CardStatus;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A search of a business's cards ({@code searchCards}): a {@link PtQuery} for {@code q}, the typed property
 * filters ({@code status}, {@code expDate}, {@code proxyKey}), a {@link PtSort} for {@code sort_by},
 * {@code limit} and {@code offset}. The business ({@code customerId}) is the search's, else the scope's
 * ({@link PtApiClient#forBusiness}). Immutable and thread-safe; the range and format checks of the spec
 * run when the search is sent, naming every field that breaks one.
 *
 * <pre>{@code
 * CardPage page = pt.forBusiness("200001").cards().search(CardSearch.builder()
 *     .status(CardStatus.ACTIVE).sort(PtSort.desc("balance")).limit(20).build());
 * }</pre>
 */
public final class CardSearch {

  private static final DateTimeFormatter MMDDYYYY = DateTimeFormatter.ofPattern("MMddyyyy");

  private final String customerId;
  private final PtQuery query;
  private final CardStatus status;
  private final String expDate;
  private final String proxyKey;
  private final PtSort sort;
  private final Integer limit;
  private final Integer offset;

  private CardSearch(Builder b) {
    this.customerId = b.customerId;
    this.query = b.query;
    this.status = b.status;
    this.expDate = b.expDate;
    this.proxyKey = b.proxyKey;
    this.sort = b.sort;
    this.limit = b.limit;
    this.offset = b.offset;
  }

  /** {@return a builder with nothing set: every card of the scope's business} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every card of the scope's business, in PT's order} */
  public static CardSearch all() {
    return builder().build();
  }

  /** {@return the business searched, or null: the scope's} */
  public String customerId() {
    return customerId;
  }

  /** {@return the page size, or null for the default (100)} */
  public Integer limit() {
    return limit;
  }

  /** {@return the items to skip, or null for none} */
  public Integer offset() {
    return offset;
  }

  /** The query parameters under their wire names (null ones left out). */
  Map<String, Object> toQuery() {
    Map<String, Object> q = new LinkedHashMap<>();
    put(q, "q", query == null ? null : query.expression());
    put(q, "limit", limit);
    put(q, "offset", offset);
    put(q, "sort_by", sort == null ? null : sort.expression());
    put(q, "status", status);
    put(q, "expDate", expDate);
    put(q, "proxyKey", proxyKey);
    return q;
  }

  static void put(Map<String, Object> q, String name, Object value) {
    if (value != null) {
      q.put(name, value);
    }
  }

  @Override
  public String toString() {
    return "CardSearch" + toQuery() + (customerId == null ? "" : " of " + customerId);
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private String customerId;
    private PtQuery query;
    private CardStatus status;
    private String expDate;
    private String proxyKey;
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
     * Only cards with this status.
     *
     * @param v the status, or null for any
     * @return this builder
     */
    public Builder status(CardStatus v) { this.status = v; return this; }
    /**
     * Only cards expiring on this date (sent {@code MMDDYYYY}, as the wiki's {@code expDate=12242021}).
     *
     * @param v the expiry date, or null for any
     * @return this builder
     */
    public Builder expDate(LocalDate v) {
      this.expDate = v == null ? null : MMDDYYYY.format(v);
      return this;
    }
    /**
     * Only the card with this proxy key.
     *
     * @param v the card's proxy key, or null for any
     * @return this builder
     */
    public Builder proxyKey(String v) { this.proxyKey = v; return this; }
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
    public CardSearch build() {
      return new CardSearch(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CardSearch s && Objects.equals(customerId, s.customerId) && toQuery().equals(s.toQuery());
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, toQuery());
  }
}
