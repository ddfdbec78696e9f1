package dev.paykit.prunny;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.AutoPager;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.prunny.api.CustomersApi;
import dev.paykit.prunny.model.Customer;
import dev.paykit.prunny.model.CustomerPage;
import java.util.Map;

/** Customers by id and by BVN. Thread-safe. */
public final class PrunnyCustomers {

  private final ClientRuntime runtime;
  private final CustomersApi api;

  PrunnyCustomers(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(CustomersApi.class);
  }

  /**
   * The customer with this id.
   *
   * @param customerId Prunny's customer id
   * @return the customer
   */
  public Customer get(String customerId) {
    return get(customerId, RequestOptions.none());
  }

  /**
   * Like {@link #get(String)}, with options for this call.
   *
   * @param customerId Prunny's customer id
   * @param options the options of this call (deadline, headers); not null
   * @return the customer
   */
  public Customer get(String customerId, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "getCustomer");
    var r = CallReport.run(options, () -> api.getCustomer(customerId));
    return r.getData();
  }

  /**
   * One page of the customers holding this BVN (11 digits starting with 1 or 2).
   *
   * @param bvn the Bank Verification Number
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @return the page of customers
   */
  public CustomerPage listByBvn(String bvn, Integer page, Integer limit) {
    return listByBvn(bvn, page, limit, RequestOptions.none());
  }

  /**
   * Like {@link #listByBvn(String, Integer, Integer)}, with options for this call.
   *
   * @param bvn the Bank Verification Number
   * @param page page number from 1, or null for the first
   * @param limit page size, or null for the provider default
   * @param options the options of this call (deadline, headers); not null
   * @return the page of customers
   */
  public CustomerPage listByBvn(String bvn, Integer page, Integer limit, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "listCustomersByBvn");
    return CallReport.run(options, () -> fetch(bvn, PrunnyAccounts.query(page, limit)));
  }

  /**
   * Every customer holding this BVN, fetched page by page as you iterate.
   *
   * @param bvn the Bank Verification Number (11 digits starting with 1 or 2)
   * @return the customers
   */
  public AutoPager<Customer> listByBvnAutoPaging(String bvn) {
    return listByBvnAutoPaging(bvn, RequestOptions.none());
  }

  /**
   * Like {@link #listByBvnAutoPaging(String)}; every page is fetched with these options.
   *
   * @param bvn the Bank Verification Number (11 digits starting with 1 or 2)
   * @param options the options of this call (deadline, headers); not null
   * @return the customers
   */
  public AutoPager<Customer> listByBvnAutoPaging(String bvn, RequestOptions options) {
    Arguments.require(options, "options", PrunnyResponses.PROVIDER, "listCustomersByBvn");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listCustomersByBvn", Map.of(),
        CustomerPage.class, q -> CallReport.run(options, () -> fetch(bvn, q)));
  }

  private CustomerPage fetch(String bvn, Map<String, Object> q) {
    CustomersApi.ListCustomersByBvnQueryParams params = new CustomersApi.ListCustomersByBvnQueryParams();
    q.forEach((k, v) -> params.put(k, dev.paykit.core.internal.QueryValues.encode(v)));
    return api.listCustomersByBvn(bvn, params);
  }
}
