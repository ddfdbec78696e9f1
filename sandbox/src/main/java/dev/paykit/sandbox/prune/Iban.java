package dev.paykit.sandbox.prune;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * IBANs (ISO 13616) for the simulator: the shape the spec's {@code Iban} pattern allows and the ISO 7064
 * mod 97-10 check digits, which a real bank checks too; and IBANs built for the accounts the sandbox
 * issues. Stateless.
 */
final class Iban {
  static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
  static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Iban() {}

  /** The spec's shape and valid check digits. */
  static boolean valid(String iban) {
    return iban != null && SHAPE.matcher(iban).matches() && mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
  }

  /** The IBAN of this country and BBAN, with its check digits. */
  static String of(String country, String bban) {
    int check = 98 - mod97(bban + country + "00");
    return country + String.format("%02d", check) + bban;
  }

  /** Letters as 10-35, then the number mod 97. */
  private static int mod97(String rearranged) {
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }
}
