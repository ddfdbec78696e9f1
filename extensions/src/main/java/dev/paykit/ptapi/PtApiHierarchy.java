package dev.paykit.ptapi;

import dev.paykit.core.RequestOptions;
import dev.paykit.ptapi.api.HierarchyApi;
import dev.paykit.ptapi.model.CustomerList;
import dev.paykit.ptapi.model.CustomerListRequest;
import dev.paykit.ptapi.model.CustomerRequest;
import dev.paykit.ptapi.model.ProgramList;

/**
 * The businesses under a parent (group) and their programs. Both are conditional reads: with the client's
 * ETag cache on, an unchanged list is answered 304 and served from the cache. Thread-safe.
 */
public final class PtApiHierarchy {

  static final String BUSINESSES = "getCustomerListByParent";
  static final String PROGRAMS = "getCustomerProgramList";

  private final Calls calls;
  private final HierarchyApi api;
  private final Scope scope;

  PtApiHierarchy(Calls calls, HierarchyApi api, Scope scope) {
    this.calls = calls;
    this.api = api;
    this.scope = scope;
  }

  /**
   * The businesses under the scope's group ({@link PtApiClient#forParent}), else under the group the login
   * named (its {@code customerId} is the {@code parentId}).
   *
   * @return the businesses
   */
  public CustomerList businesses() {
    return businesses(null, RequestOptions.none());
  }

  /**
   * The businesses under {@code parentId}; null: the scope's group, else the login's.
   *
   * @param parentId the group's id, or null
   * @param options the options of this call (deadline, headers...); not null
   * @return the businesses
   */
  public CustomerList businesses(String parentId, RequestOptions options) {
    String given = parentId != null ? parentId : scope.parentId();
    return calls.run(BUSINESSES, options, () -> api.getCustomerListByParent(
        new CustomerListRequest().parentId(given != null ? given : calls.session().customerId())));
  }

  /** {@return the programs of the scope's business ({@link PtApiClient#forBusiness})} */
  public ProgramList programs() {
    return programs(null, RequestOptions.none());
  }

  /**
   * The programs of a business.
   *
   * @param customerId the business's id
   * @return the business's programs
   */
  public ProgramList programs(String customerId) {
    return programs(Calls.require(customerId, "customerId", PROGRAMS), RequestOptions.none());
  }

  /**
   * The programs of {@code customerId}; null: the scope's business (none: refused before sending).
   *
   * @param customerId the business's id, or null for the scope's
   * @param options the options of this call (deadline, headers...); not null
   * @return the business's programs
   */
  public ProgramList programs(String customerId, RequestOptions options) {
    String business = scope.customerId(customerId, PROGRAMS);
    return calls.run(PROGRAMS, options, () -> api.getCustomerProgramList(new CustomerRequest().customerId(business)));
  }
}
