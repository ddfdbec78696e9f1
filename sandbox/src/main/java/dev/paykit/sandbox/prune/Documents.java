package dev.paykit.sandbox.prune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document rules of Prune's account requests, as specs/prune/openapi.yaml states them (docs,
 * request-individual-account and request-corporate-account), re-checked by the simulator so that a test
 * can show the client refuses the same things before sending: the parts of each form and which are
 * files; country codes, currencies, ID and proof-of-address types (case-sensitive); files
 * {@code .jpeg/.jpg/.png/.pdf} (content type {@code image/jpeg}, {@code image/png} or
 * {@code application/pdf}, agreeing with the extension), not empty, at most {@value #MAX_BYTES} bytes;
 * the back side of every ID that is not a passport; for a company, director 1 and shareholder 1 and,
 * for every director and shareholder sent, all four of its parts. Every problem is collected and the
 * request refused with one 400 listing them, as Prune's "One or more fields are missing or invalid".
 * Stateless.
 */
final class Documents {
  /** 500 KB, read as 500 KiB (the spec's x-paykit-max-bytes). */
  static final long MAX_BYTES = 512_000;

  static final List<String> COUNTRIES = List.of("UK", "FR", "DE", "IT", "ES", "NG", "BJ", "ML", "TG", "CI", "US");
  static final List<String> CURRENCIES = List.of("EUR", "GBP");
  static final List<String> ID_TYPES = List.of("passport", "identityCard", "drivingLicense", "residencePermit");
  static final List<String> POA_TYPES = List.of("utilityBill", "bankStatement");
  static final String PASSPORT = "passport";

  /** File extensions and the content type each stands for. */
  private static final Map<String, String> FILE_TYPES = Map.of(
      "jpeg", "image/jpeg", "jpg", "image/jpeg", "png", "image/png", "pdf", "application/pdf");

  private static final Pattern PERSON_PART =
      Pattern.compile("^(director|shareholder)_([1-9][0-9]*)_(idType|poaType|idFile|idFileBack|poaFile)$");
  private static final int MAX_TEXT = 255;

  /** Which request a form is for. */
  enum Kind {
    /** requestIndividualAccount: an account of type USER. */
    INDIVIDUAL("USER", Set.of("firstName", "lastName", "countryShort", "idType", "poaType", "currency"),
        Set.of("idFile", "idFileBack", "poaFile")),
    /** requestCorporateAccount: an account of type CORPORATE. */
    CORPORATE("CORPORATE", Set.of("countryShort", "companyName", "currency"),
        Set.of("certificateOfIncorporation", "mermat"));

    private final String accountType;
    private final Set<String> texts;
    private final Set<String> files;

    Kind(String accountType, Set<String> texts, Set<String> files) {
      this.accountType = accountType;
      this.texts = texts;
      this.files = files;
    }

    String accountType() {
      return accountType;
    }
  }

  private Documents() {}

  /** The parts of a new request, checked whole; 400 listing every problem. */
  static Map<String, MultipartForm.Part> forNew(Kind kind, MultipartForm form) {
    List<String> problems = new ArrayList<>();
    Map<String, MultipartForm.Part> parts = accepted(kind, form, false, problems);
    complete(kind, parts, problems);
    throwIfAny(problems);
    return parts;
  }

  /**
   * The parts of a request after an update with this form: each part sent is checked as for a new
   * request and replaces the one before, and the request must still be complete (a new non-passport
   * {@code idType} needs its back side). The update form has no {@code currency} (the spec's).
   */
  static Map<String, MultipartForm.Part> forUpdate(Kind kind, Map<String, MultipartForm.Part> before,
      MultipartForm form) {
    List<String> problems = new ArrayList<>();
    if (form.parts().isEmpty()) {
      problems.add("an update must send at least one part");
    }
    Map<String, MultipartForm.Part> merged = new LinkedHashMap<>(before);
    merged.putAll(accepted(kind, form, true, problems));
    complete(kind, merged, problems);
    throwIfAny(problems);
    return merged;
  }

  private static Map<String, MultipartForm.Part> accepted(Kind kind, MultipartForm form, boolean update,
      List<String> problems) {
    Map<String, MultipartForm.Part> parts = new LinkedHashMap<>();
    for (MultipartForm.Part p : form.parts()) {
      String name = p.name();
      Matcher person = PERSON_PART.matcher(name);
      boolean personPart = kind == Kind.CORPORATE && person.matches();
      boolean text = (kind.texts.contains(name) && !(update && name.equals("currency")))
          || (personPart && person.group(3).endsWith("Type"));
      boolean file = kind.files.contains(name) || (personPart && !person.group(3).endsWith("Type"));
      if (!text && !file) {
        problems.add(name + " is not a part of " + (kind == Kind.INDIVIDUAL ? "an individual's" : "a corporate")
            + (update ? " account request update" : " account request"));
      } else if (text && p.isFile()) {
        problems.add(name + " must be text, not a file");
      } else if (file && !p.isFile()) {
        problems.add(name + " must be a file (a part with a filename)");
      } else if (text) {
        checkText(name, p.text(), problems);
        parts.put(name, p);
      } else {
        checkFile(name, p, problems);
        parts.put(name, p);
      }
    }
    return parts;
  }

  private static void checkText(String name, String value, List<String> problems) {
    String field = name.contains("_") ? name.substring(name.lastIndexOf('_') + 1) : name;
    switch (field) {
      case "countryShort" -> oneOf(name, value, COUNTRIES, problems);
      case "currency" -> oneOf(name, value, CURRENCIES, problems);
      case "idType" -> oneOf(name, value, ID_TYPES, problems);
      case "poaType" -> oneOf(name, value, POA_TYPES, problems);
      default -> {
        if (value.isBlank()) {
          problems.add(name + " must not be blank");
        } else if (value.codePointCount(0, value.length()) > MAX_TEXT) {
          problems.add(name + " must be at most " + MAX_TEXT + " characters");
        }
      }
    }
  }

  private static void oneOf(String name, String value, List<String> allowed, List<String> problems) {
    if (!allowed.contains(value)) {
      problems.add(name + " must be one of " + String.join(", ", allowed) + " (case-sensitive)");
    }
  }

  private static void checkFile(String name, MultipartForm.Part p, List<String> problems) {
    String fileName = p.fileName();
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    String typeByName = FILE_TYPES.get(extension);
    if (fileName.isBlank()) {
      problems.add(name + " needs a file name");
    } else if (typeByName == null) {
      problems.add(name + " must be a .jpeg, .jpg, .png or .pdf file");
    }
    String type = p.mediaType();
    if (!FILE_TYPES.containsValue(type)) {
      problems.add(name + " must have content type image/jpeg, image/png or application/pdf (was '"
          + (type.isEmpty() ? "none" : type) + "')");
    } else if (typeByName != null && !typeByName.equals(type)) {
      problems.add(name + "'s content type " + type + " does not match its ." + extension + " file name");
    }
    if (p.size() == 0) {
      problems.add(name + " is empty");
    } else if (p.size() > MAX_BYTES) {
      problems.add(name + " is larger than 500 KB (" + MAX_BYTES + " bytes)");
    }
  }

  private static void complete(Kind kind, Map<String, MultipartForm.Part> parts, List<String> problems) {
    if (kind == Kind.INDIVIDUAL) {
      for (String required : List.of("firstName", "lastName", "countryShort", "idType", "idFile", "poaType", "poaFile")) {
        if (!parts.containsKey(required)) {
          problems.add(required + " is required");
        }
      }
      backSide("", parts, problems);
      return;
    }
    for (String required : List.of("countryShort", "companyName", "certificateOfIncorporation", "mermat")) {
      if (!parts.containsKey(required)) {
        problems.add(required + " is required");
      }
    }
    Set<String> people = new TreeSet<>(List.of("director_1", "shareholder_1"));
    for (String name : parts.keySet()) {
      Matcher person = PERSON_PART.matcher(name);
      if (person.matches()) {
        people.add(person.group(1) + "_" + person.group(2));
      }
    }
    for (String person : people) {
      for (String part : List.of("idType", "idFile", "poaType", "poaFile")) {
        if (!parts.containsKey(person + "_" + part)) {
          problems.add(person + "_" + part + " is required");
        }
      }
      backSide(person + "_", parts, problems);
    }
  }

  /** A non-passport ID needs its back side (docs). */
  private static void backSide(String prefix, Map<String, MultipartForm.Part> parts, List<String> problems) {
    MultipartForm.Part idType = parts.get(prefix + "idType");
    if (idType != null && ID_TYPES.contains(idType.text()) && !PASSPORT.equals(idType.text())
        && !parts.containsKey(prefix + "idFileBack")) {
      problems.add(prefix + "idFileBack is required for an ID of type " + idType.text()
          + " (the back side of every ID but a passport)");
    }
  }

  private static void throwIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw Envelope.invalid(String.join("; ", new LinkedHashSet<>(problems)));
    }
  }
}
