package dev.paykit.core;

import dev.paykit.core.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request broke the spec's constraints and was not sent. {@link #violations()} lists every violated
 * field and rule, not just the first; messages name fields and rules but never the rejected values.
 */
public final class ValidationException extends PaykitException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * A refused request; the message lists every violation.
   *
   * @param provider the provider id
   * @param operationId the refused operation's {@code operationId}
   * @param violations every violation found, in field order (copied); not empty
   */
  public ValidationException(String provider, String operationId, List<Violation> violations) {
    super(ErrorDetails.builder(provider).operationId(operationId)
        .providerMessage("request not sent, " + violations.size() + " invalid field(s): "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; "))).mayHaveBeenProcessed(false).build(), null);
    this.violations = List.copyOf(violations);
  }

  /** {@return every violation found, in field order} */
  public List<Violation> violations() {
    return violations;
  }
}
