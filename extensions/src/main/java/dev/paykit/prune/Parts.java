package dev.paykit.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Turns the typed requests' parts into what the pipeline sends. Stateless. */
final class Parts {

  private Parts() {}

  /**
   * The multipart body: every part given, in order, a {@link Document} read into memory once, an enum as
   * its wire value, text as it is; absent parts left out.
   */
  static Map<String, Object> body(Map<String, Object> parts) {
    Map<String, Object> out = new LinkedHashMap<>();
    parts.forEach((name, value) -> {
      Object sent = value instanceof Document d ? d.part() : value == null ? null : String.valueOf(value);
      if (sent != null) {
        out.put(name, sent);
      }
    });
    return out;
  }

  /** {@code [firstName, idFile, ...]}: the names of the parts given, for {@code toString}. */
  static String given(Map<String, Object> parts) {
    StringJoiner names = new StringJoiner(", ", "[", "]");
    parts.forEach((name, value) -> {
      if (value != null) {
        names.add(name);
      }
    });
    return names.toString();
  }

  /** The parts of people numbered from 1: {@code director_1_idType}, ... */
  static void people(Map<String, Object> out, String role, List<CompanyPerson> people) {
    for (int i = 0; i < people.size(); i++) {
      CompanyPerson p = people.get(i);
      String prefix = role + "_" + (i + 1) + "_";
      if (p == null) {
        continue; // named as missing by the document rules (director_1) or by nothing sent at all
      }
      p.parts().forEach((name, value) -> out.put(prefix + name, value));
    }
  }
}
