package dev.paykit.ptapi;

import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import java.util.List;

/**
 * The ids a {@link PtApiScope} gives its calls: the group ({@code parentId}), the business
 * ({@code customerId}) and the program ({@code customerProgramId}); each may be null. An id given to a
 * call wins over the scope's; an id a call needs that neither gives fails before anything is sent.
 */
record Scope(String parentId, String customerId, String programId) {

  static final Scope NONE = new Scope(null, null, null);

  Scope withParent(String id) {
    return new Scope(id, customerId, programId);
  }

  Scope withBusiness(String id) {
    return new Scope(parentId, id, programId);
  }

  Scope withProgram(String id) {
    return new Scope(parentId, customerId, id);
  }

  /** The call's business, else the scope's; neither: a {@link ValidationException} naming customerId. */
  String customerId(String given, String operationId) {
    if (given != null) {
      return given;
    }
    if (customerId != null) {
      return customerId;
    }
    throw missing("customerId", operationId, "forBusiness(customerId)");
  }

  static ValidationException missing(String field, String operationId, String scoping) {
    return new ValidationException(PtApiErrors.PROVIDER, operationId, List.of(new Violation(field, "required",
        "is required: give it to the call or scope the client with " + scoping)));
  }

  @Override
  public String toString() {
    return "parentId=" + parentId + ", customerId=" + customerId + ", customerProgramId=" + programId;
  }
}
