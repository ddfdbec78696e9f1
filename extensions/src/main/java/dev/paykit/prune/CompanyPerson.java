package dev.paykit.prune;

import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.PoaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A director or shareholder of a company asking for an account: an ID document (its back side too unless
 * it is a passport) and a proof of address. Sent as the parts {@code director_<n>_idType},
 * {@code director_<n>_idFile}, {@code director_<n>_idFileBack}, {@code director_<n>_poaType},
 * {@code director_<n>_poaFile} (or {@code shareholder_<n>_...}), {@code <n>} its position from 1.
 *
 * <pre>{@code
 * CompanyPerson ceo = CompanyPerson.of(IdType.PASSPORT, Document.of(passport), PoaType.BANK_STATEMENT,
 *     Document.of(statement));
 * CompanyPerson cfo = CompanyPerson.of(IdType.IDENTITY_CARD, Document.of(front), Document.of(back),
 *     PoaType.UTILITY_BILL, Document.of(bill));
 * }</pre>
 *
 * Every rule (all four parts, the back side, each file's type and size) is checked when the request is
 * made, with the request's other rules. Immutable.
 */
public final class CompanyPerson {

  private final Map<String, Object> parts;

  private CompanyPerson(IdType idType, Document idFile, Document idFileBack, PoaType poaType, Document poaFile) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("idType", idType);
    p.put("idFile", idFile);
    p.put("idFileBack", idFileBack);
    p.put("poaType", poaType);
    p.put("poaFile", poaFile);
    this.parts = java.util.Collections.unmodifiableMap(p);
  }

  /**
   * A person whose ID is given by its front only (a passport).
   *
   * @param idType the ID's type, e.g. a passport
   * @param idFile the ID's front side
   * @param poaType the proof of address's type
   * @param poaFile the proof of address
   * @return the person's documents
   */
  public static CompanyPerson of(IdType idType, Document idFile, PoaType poaType, Document poaFile) {
    return new CompanyPerson(idType, idFile, null, poaType, poaFile);
  }

  /**
   * A person whose ID has a back side, which every ID but a passport needs.
   *
   * @param idType the ID's type
   * @param idFile the ID's front side
   * @param idFileBack the ID's back side
   * @param poaType the proof of address's type
   * @param poaFile the proof of address
   * @return the person's documents
   */
  public static CompanyPerson of(IdType idType, Document idFile, Document idFileBack, PoaType poaType,
      Document poaFile) {
    return new CompanyPerson(idType, idFile, idFileBack, poaType, poaFile);
  }

  /** The parts without their {@code director_<n>_} prefix, in the order sent. */
  Map<String, Object> parts() {
    return parts;
  }

  @Override
  public String toString() {
    return "CompanyPerson" + Parts.given(parts);
  }
}
