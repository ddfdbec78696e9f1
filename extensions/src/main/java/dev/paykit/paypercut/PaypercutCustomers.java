package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.CustomersApi;
import dev.paykit.paypercut.model.Customer;
import dev.paykit.paypercut.model.CustomerCreateRequest;

/** Customers: create, retrieve, update ({@code PUT}, as the docs say). Thread-safe. */
public final class PaypercutCustomers {

  private final CustomersApi api;

  PaypercutCustomers(ClientRuntime runtime) {
    this.api = runtime.api(CustomersApi.class);
  }

  /**
   * Creates a customer.
   *
   * @param request the customer to create; not null
   * @return the created customer
   */
  public Customer create(CustomerCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Like {@link #create(CustomerCreateRequest)}, with options for this call.
   *
   * @param request the customer to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created customer
   */
  public Customer create(CustomerCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createCustomer");
    return Calls.run("createCustomer", options, () -> api.createCustomer(null, request));
  }

  /**
   * Retrieves the customer with this id.
   *
   * @param id the customer's id
   * @return the customer
   */
  public Customer retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the customer's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the customer
   */
  public Customer retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getCustomer");
    return Calls.run("getCustomer", options, () -> api.getCustomer(id));
  }

  /**
   * Replaces a customer's fields.
   *
   * @param id the customer's id
   * @param request the customer's new fields; not null
   * @return the updated customer
   */
  public Customer update(String id, CustomerCreateRequest request) {
    return update(id, request, RequestOptions.none());
  }

  /**
   * {@code PUT /v1/customers/{id}}: safe to repeat, so retried like a read.
   *
   * @param id the customer's id
   * @param request the customer's new fields; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the updated customer
   */
  public Customer update(String id, CustomerCreateRequest request, RequestOptions options) {
    Calls.require(id, "id", "updateCustomer");
    Calls.require(request, "request", "updateCustomer");
    return Calls.run("updateCustomer", options, () -> api.updateCustomer(id, request));
  }
}
