package dev.paykit.sandbox.prunny;

import dev.paykit.sandbox.Numbers;

/**
 * Nigerian Uniform Bank Account Numbers (CBN NUBAN): a 9-digit serial and a check digit computed
 * over the 3-digit bank code and the serial with the weights 3,7,3,3,7,3,3,7,3,3,7,3; the check
 * digit is {@code (10 - sum mod 10) mod 10}. The sandbox's 10-digit accounts are valid NUBANs of
 * its bank code, so a client that checks them accepts them.
 */
final class Nuban {
  private static final int[] WEIGHTS = {3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3};

  private Nuban() {}

  /** The 10-digit NUBAN of {@code serial} (0 to 999,999,999) at the bank with a 3-digit code. */
  static String of(String bankCode, long serial) {
    if (!bankCode.matches("[0-9]{3}") || serial < 0 || serial > 999_999_999L) {
      throw new IllegalArgumentException("need a 3-digit bank code and a 9-digit serial");
    }
    String digits = String.format("%09d", serial);
    return digits + checkDigit(bankCode + digits);
  }

  private static int checkDigit(String twelveDigits) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (twelveDigits.charAt(i) - '0') * WEIGHTS[i];
    }
    return (10 - sum % 10) % 10;
  }
}
