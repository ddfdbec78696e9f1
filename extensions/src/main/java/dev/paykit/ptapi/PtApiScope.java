package dev.paykit.ptapi;

import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.ptapi.api.CardholdersApi;
import dev.paykit.ptapi.api.CardsApi;
import dev.paykit.ptapi.api.HierarchyApi;

/**
 * A view of a {@link PtApiClient} scoped to a place in PT's hierarchy: a group ({@code parentId}), a
 * business ({@code customerId}) and a program ({@code customerProgramId}). Its facades take those ids from
 * the scope unless a call gives its own (the call's win): {@code businesses()} lists the scope's group
 * (else the login's), {@code programs()}, the searches and orders use the scope's business, orders and
 * registrations its program. A call that needs an id that neither it nor the scope gives fails with a
 * {@link dev.paykit.core.ValidationException} naming the field, before anything is sent (not even a login).
 * Scopes narrow: {@code pt.forBusiness(b).forProgram(p)}. The session, the keys and the pool are the
 * client's. Immutable and thread-safe.
 *
 * <pre>{@code
 * PtApiScope acme = pt.forBusiness("200001").forProgram("CP-200001-1");
 * Order order = acme.cards().order(new OrderCardRequest().orderDetails(details)); // ids from the scope
 * CardholderPage joes = acme.cardholders().search(CardholderSearch.builder()
 *     .query(PtQuery.field("firstName", "joe")).build());
 * }</pre>
 */
public final class PtApiScope {

  private final Calls calls;
  private final ClientRuntime runtime;
  private final Scope scope;

  PtApiScope(Calls calls, ClientRuntime runtime, Scope scope) {
    this.calls = calls;
    this.runtime = runtime;
    this.scope = scope;
  }

  /**
   * This scope, for the group {@code parentId} (whose businesses {@code hierarchy().businesses()} lists).
   *
   * @param parentId the group's id
   * @return a scope for that group
   */
  public PtApiScope forParent(String parentId) {
    return new PtApiScope(calls, runtime, scope.withParent(Calls.require(parentId, "parentId", "forParent")));
  }

  /**
   * This scope, for the business {@code customerId}.
   *
   * @param customerId the business's id
   * @return a scope for that business
   */
  public PtApiScope forBusiness(String customerId) {
    return new PtApiScope(calls, runtime, scope.withBusiness(Calls.require(customerId, "customerId", "forBusiness")));
  }

  /**
   * This scope, for the program {@code customerProgramId} (of the scope's business).
   *
   * @param customerProgramId the program's id
   * @return a scope for that program
   */
  public PtApiScope forProgram(String customerProgramId) {
    return new PtApiScope(calls, runtime,
        scope.withProgram(Calls.require(customerProgramId, "customerProgramId", "forProgram")));
  }

  /** {@return the scope's group, or null} */
  public String parentId() {
    return scope.parentId();
  }

  /** {@return the scope's business, or null} */
  public String customerId() {
    return scope.customerId();
  }

  /** {@return the scope's program ({@code customerProgramId}), or null} */
  public String programId() {
    return scope.programId();
  }

  /** {@return the businesses and programs, as this scope sees them} */
  public PtApiHierarchy hierarchy() {
    return new PtApiHierarchy(calls, runtime.api(HierarchyApi.class), scope);
  }

  /** {@return cards, with this scope's business and program where a call takes them} */
  public PtApiCards cards() {
    return new PtApiCards(calls, runtime, runtime.api(CardsApi.class), scope);
  }

  /** {@return cardholders, with this scope's business where a call takes it} */
  public PtApiCardholders cardholders() {
    return new PtApiCardholders(calls, runtime, runtime.api(CardholdersApi.class), scope);
  }

  @Override
  public String toString() {
    return "PtApiScope[" + scope + "]";
  }
}
