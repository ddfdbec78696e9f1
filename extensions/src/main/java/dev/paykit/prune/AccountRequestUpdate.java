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

    public Builder firstName(String v) { parts.put("firstName", v); return this; }
    public Builder lastName(String v) { parts.put("lastName", v); return this; }
    public Builder companyName(String v) { parts.put("companyName", v); return this; }
    public Builder country(CountryShort v) { parts.put("countryShort", v); return this; }

    /** The ID: its type and front, and its back side when not null. */
    public Builder id(IdType type, Document front, Document back) {
      parts.put("idType", type);
      parts.put("idFile", front);
      parts.put("idFileBack", back);
      return this;
    }

    /** The ID's back side alone. */
    public Builder idBack(Document back) { parts.put("idFileBack", back); return this; }

    public Builder proofOfAddress(PoaType type, Document document) {
      parts.put("poaType", type);
      parts.put("poaFile", document);
      return this;
    }

    public Builder certificateOfIncorporation(Document v) { parts.put("certificateOfIncorporation", v); return this; }
    /** The memorandum and articles of association (the {@code mermat} part). */
    public Builder memorandumAndArticles(Document v) { parts.put("mermat", v); return this; }

    /** Director {@code n}'s parts (from 1): those of {@code person} that are not null. */
    public Builder director(int n, CompanyPerson person) {
      if (person != null) {
        directors.put(n, person);
      }
      return this;
    }

    /** Shareholder {@code n}'s parts (from 1): those of {@code person} that are not null. */
    public Builder shareholder(int n, CompanyPerson person) {
      if (person != null) {
        shareholders.put(n, person);
      }
      return this;
    }

    public AccountRequestUpdate build() {
      return new AccountRequestUpdate(this);
    }
  }
}
