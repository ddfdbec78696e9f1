package dev.paykit.ptapi;

import dev.paykit.core.RequestOptions;
import dev.paykit.ptapi.api.HierarchyApi;
import dev.paykit.ptapi.model.CustomerList;
import dev.paykit.ptapi.model.CustomerListRequest;
import dev.paykit.ptapi.model.CustomerRequest;
import dev.paykit.ptapi.model.ProgramList;

/** The businesses under a parent (group) and their programs. Thread-safe. */
public final class PtApiHierarchy {

  static final String BUSINESSES = "getCustomerListByParent";
  static final String PROGRAMS = "getCustomerProgramList";

  private final Calls calls;
  private final HierarchyApi api;

  PtApiHierarchy(Calls calls, HierarchyApi api) {
    this.calls = calls;
    this.api = api;
  }

  /** The businesses under the group the login named (its {@code customerId} is the {@code parentId}). */
  public CustomerList businesses() {
    return businesses(null, RequestOptions.none());
  }

  /** The businesses under {@code parentId}; null: the group the login named. */
  public CustomerList businesses(String parentId, RequestOptions options) {
    return calls.run(BUSINESSES, options, () -> api.getCustomerListByParent(
        new CustomerListRequest().parentId(parentId != null ? parentId : calls.session().customerId())));
  }

  /** The programs of a business. */
  public ProgramList programs(String customerId) {
    return programs(customerId, RequestOptions.none());
  }

  public ProgramList programs(String customerId, RequestOptions options) {
    Calls.require(customerId, "customerId", PROGRAMS);
    return calls.run(PROGRAMS, options, () -> api.getCustomerProgramList(new CustomerRequest().customerId(customerId)));
  }
}
