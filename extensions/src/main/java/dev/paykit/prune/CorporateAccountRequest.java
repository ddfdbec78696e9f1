package dev.paykit.prune;

import dev.paykit.prune.model.CountryShort;
import dev.paykit.prune.model.IssuedCurrency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request for a company's account ({@code POST /v1/accounts/request-corporate-account}): the company,
 * its certificate of incorporation, its memorandum and articles of association ({@code mermat}), and
 * every director and shareholder with their documents ({@link CompanyPerson}; at least one of each),
 * numbered from 1 in the order added.
 *
 * <pre>{@code
 * CorporateAccountRequest request = CorporateAccountRequest.builder()
 *     .companyName("Laurent & Becker SARL").country(CountryShort.FR)
 *     .certificateOfIncorporation(Document.of(certificate))
 *     .memorandumAndArticles(Document.of(articles))
 *     .director(ceo).director(cfo)          // director_1_..., director_2_...
 *     .shareholder(ceo)                     // shareholder_1_...
 *     .build();
 * }</pre>
 *
 * Building never fails: every rule is checked when the request is made, all at once. Immutable.
 */
public final class CorporateAccountRequest {

  private final Map<String, Object> company;
  private final List<CompanyPerson> directors;
  private final List<CompanyPerson> shareholders;

  private CorporateAccountRequest(Builder b) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("countryShort", b.country);
    p.put("companyName", b.companyName);
    p.put("certificateOfIncorporation", b.certificate);
    p.put("mermat", b.mermat);
    p.put("currency", b.currency);
    this.company = Collections.unmodifiableMap(p);
    this.directors = Collections.unmodifiableList(new ArrayList<>(b.directors));
    this.shareholders = Collections.unmodifiableList(new ArrayList<>(b.shareholders));
  }

  /**
   * {@return a builder with nothing set; the name, country, both documents, a director and a shareholder are
   * required when sent}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the directors, in order (director {@code n} is element {@code n - 1}); may hold null} */
  public List<CompanyPerson> directors() {
    return directors;
  }

  /** {@return the shareholders, in order; may hold null} */
  public List<CompanyPerson> shareholders() {
    return shareholders;
  }

  /** The company's parts, then every director's, then every shareholder's, in the order sent. */
  Map<String, Object> parts() {
    Map<String, Object> out = new LinkedHashMap<>(company);
    Parts.people(out, "director", directors);
    Parts.people(out, "shareholder", shareholders);
    return out;
  }

  @Override
  public String toString() {
    return "CorporateAccountRequest" + Parts.given(company) + " with " + directors.size() + " director(s), "
        + shareholders.size() + " shareholder(s)";
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private String companyName;
    private CountryShort country;
    private Document certificate;
    private Document mermat;
    private IssuedCurrency currency;
    private final List<CompanyPerson> directors = new ArrayList<>();
    private final List<CompanyPerson> shareholders = new ArrayList<>();

    private Builder() {}

    /**
     * The company's registered name ({@code companyName}).
     *
     * @param v the name
     * @return this builder
     */
    public Builder companyName(String v) { this.companyName = v; return this; }
    /**
     * Where the company is registered ({@code countryShort}; note {@code UK}, not ISO's GB).
     *
     * @param v the country
     * @return this builder
     */
    public Builder country(CountryShort v) { this.country = v; return this; }
    /**
     * The certificate of incorporation ({@code certificateOfIncorporation}).
     *
     * @param v the document
     * @return this builder
     */
    public Builder certificateOfIncorporation(Document v) { this.certificate = v; return this; }
    /**
     * The memorandum and articles of association (the {@code mermat} part).
     *
     * @param v the document
     * @return this builder
     */
    public Builder memorandumAndArticles(Document v) { this.mermat = v; return this; }
    /**
     * EUR (Prune's default when none is sent) or GBP.
     *
     * @param v the currency, or null for Prune's default (EUR)
     * @return this builder
     */
    public Builder currency(IssuedCurrency v) { this.currency = v; return this; }
    /**
     * The next director: the first added is {@code director_1}.
     *
     * @param v the director's ID and proof of address
     * @return this builder
     */
    public Builder director(CompanyPerson v) { this.directors.add(v); return this; }
    /**
     * The next shareholder: the first added is {@code shareholder_1}.
     *
     * @param v the shareholder's ID and proof of address
     * @return this builder
     */
    public Builder shareholder(CompanyPerson v) { this.shareholders.add(v); return this; }

    /** {@return the request; its parts are checked when it is sent} */
    public CorporateAccountRequest build() {
      return new CorporateAccountRequest(this);
    }
  }
}
