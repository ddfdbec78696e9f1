package dev.paykit.prune;

import dev.paykit.core.Violation;
import dev.paykit.core.internal.RequestCheck;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document rules of a corporate account request that its spec cannot state (the parts are an open
 * family, {@code director_<n>_...} and {@code shareholder_<n>_...}), checked before sending with the
 * spec's own (a {@link RequestCheck} on {@code requestCorporateAccount}):
 * <ul>
 *   <li>every director and shareholder sent has all four of {@code idType}, {@code idFile},
 *       {@code poaType} and {@code poaFile} (for {@code director_1} and {@code shareholder_1} the spec
 *       requires them already, and names them itself);
 *   <li>every one whose {@code idType} is an ID other than a passport has its {@code idFileBack}.
 * </ul>
 * Each missing part is one violation by its name; no message repeats a value. Stateless.
 */
final class DocumentRules implements RequestCheck {

  static final String OPERATION = "requestCorporateAccount";

  private static final Pattern PERSON_PART =
      Pattern.compile("^(director|shareholder)_([1-9][0-9]*)_(idType|idFile|idFileBack|poaType|poaFile)$");
  private static final List<String> FOUR = List.of("idType", "idFile", "poaType", "poaFile");
  /** The ID types with a back side (the spec's IdType but passport). */
  private static final Set<String> TWO_SIDED = Set.of("identityCard", "drivingLicense", "residencePermit");

  @Override
  public void check(Request request, List<Violation> out) {
    Set<Person> people = new TreeSet<>();
    for (String part : request.parts().keySet()) {
      Matcher m = PERSON_PART.matcher(part);
      if (m.matches()) {
        try {
          people.add(new Person(m.group(1), Integer.parseInt(m.group(2))));
        } catch (NumberFormatException tooLong) {
          out.add(new Violation(part, "pattern", "names no " + m.group(1) + " Prune can number"));
        }
      }
    }
    people.add(new Person("director", 1));
    people.add(new Person("shareholder", 1));
    for (Person p : people) {
      if (p.number() > 1) {
        for (String part : FOUR) {
          if (!request.has(p.prefix() + part)) {
            out.add(new Violation(p.prefix() + part, "required", "is required: every " + p.role()
                + " sends idType, idFile, poaType and poaFile together"));
          }
        }
      }
      String idType = request.text(p.prefix() + "idType");
      if (idType != null && TWO_SIDED.contains(idType) && !request.has(p.prefix() + "idFileBack")) {
        out.add(new Violation(p.prefix() + "idFileBack", "required", "is required: every ID but a passport needs"
            + " its back side (" + p.prefix() + "idType)"));
      }
    }
  }

  private record Person(String role, int number) implements Comparable<Person> {
    String prefix() {
      return role + "_" + number + "_";
    }

    @Override
    public int compareTo(Person o) {
      int byRole = role.compareTo(o.role);
      return byRole != 0 ? byRole : Integer.compare(number, o.number);
    }
  }
}
