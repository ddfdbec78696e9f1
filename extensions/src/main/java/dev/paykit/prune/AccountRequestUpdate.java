package dev.paykit.prune;

import dev.paykit.prune.model.CountryShort;
import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.PoaType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to change in a PENDING account request ({@code PATCH /v1/accounts/requests/{request_id}}): any part
 * it was made with, each one optional; only the parts set are sent and replace the request's.
 *
 * <pre>{@code
 * AccountRequestUpdate update = AccountRequestUpdate.builder()
 *     .proofOfAddress(PoaType.BANK_STATEMENT, Document.of(statement))
 *     .director(2, CompanyPerson.of(IdType.PASSPORT, Document.of(passport), null, null))  // director_2's ID only
 *     .build();
 * }</pre>
 *
 * Prune refuses an update of a request that is no longer PENDING. Immutable.
 */
public final class AccountRequestUpdate {

  private final Map<String, Object> parts;

  private AccountRequestUpdate(Builder b) {
    Map<String, Object> p = new LinkedHashMap<>(b.parts);
    b.directors.forEach((n, person) -> person.parts().forEach((name, v) -> p.put("director_" + n + "_" + name, v)));
    b.shareholders.forEach((n, person) -> person.parts().forEach((name, v) -> p.put("shareholder_" + n + "_" + name, v)));
    // a null person was never stored: it would change nothing
    this.parts = Collections.unmodifiableMap(p);
  }

  /** {@return a builder with no part set} */
  public static Builder builder() {
    return new Builder();
  }

  Map<String, Object> parts() {
    return parts;
  }

  @Override
  public String toString() {
    return "AccountRequestUpdate" + Parts.given(parts);
  }

  /** Builder; not thread-safe. A part set twice keeps the last value. */
  public static final class Builder {
    private final Map<String, Object> parts = new LinkedHashMap<>();
    private final Map<Integer, CompanyPerson> directors = new TreeMap<>();
    private final Map<Integer, CompanyPerson> shareholders = new TreeMap<>();

    private Builder() {}

    /**
     * A new first name ({@code firstName}).
     *
     * @param v the name, or null to leave it unchanged
     * @return this builder
     */
    public Builder firstName(String v) { parts.put("firstName", v); return this; }
    /**
     * A new last name ({@code lastName}).
     *
     * @param v the name, or null to leave it unchanged
     * @return this builder
     */
    public Builder lastName(String v) { parts.put("lastName", v); return this; }
    /**
     * A new company name ({@code companyName}).
     *
     * @param v the name, or null to leave it unchanged
     * @return this builder
     */
    public Builder companyName(String v) { parts.put("companyName", v); return this; }
    /**
     * A new country ({@code countryShort}; note {@code UK}, not ISO's GB).
     *
     * @param v the country, or null to leave it unchanged
     * @return this builder
     */
    public Builder country(CountryShort v) { parts.put("countryShort", v); return this; }

    /**
     * The ID: its type and front, and its back side when not null.
     *
     * @param type the ID's type
     * @param front the ID's front side
     * @param back the ID's back side, or null to leave it unchanged
     * @return this builder
     */
    public Builder id(IdType type, Document front, Document back) {
      parts.put("idType", type);
      parts.put("idFile", front);
      parts.put("idFileBack", back);
      return this;
    }

    /**
     * The ID's back side alone.
     *
     * @param back the ID's back side
     * @return this builder
     */
    public Builder idBack(Document back) { parts.put("idFileBack", back); return this; }

    /**
     * A new proof of address ({@code poaType}, {@code poaFile}).
     *
     * @param type the document's type
     * @param document the document
     * @return this builder
     */
    public Builder proofOfAddress(PoaType type, Document document) {
      parts.put("poaType", type);
      parts.put("poaFile", document);
      return this;
    }

    /**
     * A new certificate of incorporation ({@code certificateOfIncorporation}).
     *
     * @param v the document, or null to leave it unchanged
     * @return this builder
     */
    public Builder certificateOfIncorporation(Document v) { parts.put("certificateOfIncorporation", v); return this; }
    /**
     * The memorandum and articles of association (the {@code mermat} part).
     *
     * @param v the document, or null to leave it unchanged
     * @return this builder
     */
    public Builder memorandumAndArticles(Document v) { parts.put("mermat", v); return this; }

    /**
     * Director {@code n}'s parts (from 1): those of {@code person} that are not null.
     *
     * @param n the director's number, from 1 as in the request
     * @param person the parts to replace; null changes nothing
     * @return this builder
     */
    public Builder director(int n, CompanyPerson person) {
      if (person != null) {
        directors.put(n, person);
      }
      return this;
    }

    /**
     * Shareholder {@code n}'s parts (from 1): those of {@code person} that are not null.
     *
     * @param n the shareholder's number, from 1 as in the request
     * @param person the parts to replace; null changes nothing
     * @return this builder
     */
    public Builder shareholder(int n, CompanyPerson person) {
      if (person != null) {
        shareholders.put(n, person);
      }
      return this;
    }

    /** {@return the update, sending only the parts set} */
    public AccountRequestUpdate build() {
      return new AccountRequestUpdate(this);
    }
  }
}
