package dev.paykit.core.internal;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.util.List;

/**
 * Checks a facade's arguments before anything is built or sent, so that a missing argument is a clear
 * {@link ValidationException} naming it, never a {@code NullPointerException} deep inside. Stateless.
 */
public final class Arguments {

  private Arguments() {}

  /** Returns {@code value}, or throws a {@link ValidationException} naming {@code name} when it is null. */
  public static <T> T require(T value, String name, String provider, String operationId) {
    if (value == null) {
      throw new ValidationException(provider, operationId, List.of(new Violation(name, "required", "is required")));
    }
    return value;
  }
}
