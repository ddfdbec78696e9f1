package dev.paykit.core;

import java.util.Objects;

/**
 * One violated schema constraint.
 *
 * <p>Never carries the offending value: {@code message} says what was expected and at most a length
 * or a count, so a violation can be logged or shown even when the value is a secret, an account
 * number or a card number.
 *
 * @param field   dotted/indexed path of the value, e.g. {@code "amount"},
 *                {@code "beneficiary.accountNumber"}, {@code "items[2].amount"}
 * @param rule    the JSON-schema keyword that failed, e.g. {@code "required"}, {@code "maxLength"},
 *                {@code "pattern"}, {@code "exclusiveMinimum"}, {@code "type"}
 * @param message human-readable expectation, e.g. {@code "must be at most 255 characters long (was 300)"}
 */
public record Violation(String field, String rule, String message) {

  /**
   * Checks that every part is given.
   *
   * @param field dotted/indexed path of the value, not null
   * @param rule the JSON-schema keyword that failed, not null
   * @param message human-readable expectation without the value, not null
   * @throws NullPointerException when a part is null
   */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** {@code field + ": " + message}. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
