package dev.paykit.prune;

import dev.paykit.prune.model.CountryShort;
import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.IssuedCurrency;
import dev.paykit.prune.model.PoaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request for an individual's account ({@code POST /v1/accounts/request-account}): the person, an ID
 * document (its back side too unless it is a passport), a proof of address and the currency (EUR unless
 * said otherwise).
 *
 * <pre>{@code
 * IndividualAccountRequest request = IndividualAccountRequest.builder()
 *     .firstName("Amélie").lastName("Laurent").country(CountryShort.FR)
 *     .id(IdType.IDENTITY_CARD, Document.of(front), Document.of(back))
 *     .proofOfAddress(PoaType.UTILITY_BILL, Document.of(bill))
 *     .currency(IssuedCurrency.EUR)
 *     .build();
 * }</pre>
 *
 * Building never fails: every rule (required parts, types, the back side, each file's type and size) is
 * checked when the request is made, all at once. Immutable.
 */
public final class IndividualAccountRequest {

  private final Map<String, Object> parts;

  private IndividualAccountRequest(Builder b) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("firstName", b.firstName);
    p.put("lastName", b.lastName);
    p.put("countryShort", b.country);
    p.put("idType", b.idType);
    p.put("idFile", b.idFile);
    p.put("idFileBack", b.idFileBack);
    p.put("poaType", b.poaType);
    p.put("poaFile", b.poaFile);
    p.put("currency", b.currency);
    this.parts = java.util.Collections.unmodifiableMap(p);
  }

  /** {@return a builder with nothing set; names, country, ID and proof of address are required when sent} */
  public static Builder builder() {
    return new Builder();
  }

  /** The parts by wire name, in the order sent; a value is text, an enum, a {@link Document} or null. */
  Map<String, Object> parts() {
    return parts;
  }

  /** Names the parts given, never their values. */
  @Override
  public String toString() {
    return "IndividualAccountRequest" + Parts.given(parts);
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private String firstName;
    private String lastName;
    private CountryShort country;
    private IdType idType;
    private Document idFile;
    private Document idFileBack;
    private PoaType poaType;
    private Document poaFile;
    private IssuedCurrency currency;

    private Builder() {}

    /**
     * The person's first name ({@code firstName}).
     *
     * @param v the name
     * @return this builder
     */
    public Builder firstName(String v) { this.firstName = v; return this; }
    /**
     * The person's last name ({@code lastName}).
     *
     * @param v the name
     * @return this builder
     */
    public Builder lastName(String v) { this.lastName = v; return this; }
    /**
     * Where the person lives ({@code countryShort}; note {@code UK}, not ISO's GB).
     *
     * @param v the country
     * @return this builder
     */
    public Builder country(CountryShort v) { this.country = v; return this; }

    /**
     * A passport (no back side) or any ID given by its front only ({@code idType}, {@code idFile}).
     *
     * @param type the ID's type
     * @param front the ID's front side
     * @return this builder
     */
    public Builder id(IdType type, Document front) {
      return id(type, front, null);
    }

    /**
     * An ID with its back side ({@code idFileBack}), which every ID but a passport needs.
     *
     * @param type the ID's type
     * @param front the ID's front side
     * @param back the ID's back side, or null
     * @return this builder
     */
    public Builder id(IdType type, Document front, Document back) {
      this.idType = type;
      this.idFile = front;
      this.idFileBack = back;
      return this;
    }

    /**
     * A proof of address ({@code poaType}, {@code poaFile}).
     *
     * @param type the document's type
     * @param document the document
     * @return this builder
     */
    public Builder proofOfAddress(PoaType type, Document document) {
      this.poaType = type;
      this.poaFile = document;
      return this;
    }

    /**
     * EUR (Prune's default when none is sent) or GBP.
     *
     * @param v the currency, or null for Prune's default (EUR)
     * @return this builder
     */
    public Builder currency(IssuedCurrency v) { this.currency = v; return this; }

    /** {@return the request; its parts are checked when it is sent} */
    public IndividualAccountRequest build() {
      return new IndividualAccountRequest(this);
    }
  }
}
