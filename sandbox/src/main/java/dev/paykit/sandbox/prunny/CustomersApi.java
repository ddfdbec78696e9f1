package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers by id and by BVN (paged), and account opening. Opening answers 98 when a customer with
 * the same BVN already has an account of the requested type, 94 for a requestId used before, 12 for
 * an unknown account type or a customerId that belongs to another BVN; a new customerId creates the
 * customer from the request.
 */
final class CustomersApi {
  private static final String NEW_ACCOUNT_BRANCH = "Head Office";

  private final Bank bank;

  CustomersApi(Bank bank) {
    this.bank = bank;
  }

  /** GET /v1/customers/{customerId}. */
  ObjectNode get(Call call) {
    return bank.apply(s -> {
      Customer customer = AccountsApi.customer(s, call.pathParameter(0));
      return Envelope.approved(customer.toJson(s.accountsOf(customer.customerId()).size()));
    });
  }

  /** GET /v1/customers/bvn/{bvn}: every customer profile with this BVN (none: an empty page). */
  ObjectNode byBvn(Call call) {
    String bvn = call.pathParameter(0);
    if (!Body.BVN.matcher(bvn).matches()) {
      throw Envelope.invalid("invalid bvn: '" + bvn + "' is not 11 digits starting with 1 or 2");
    }
    Page page = Page.of(call, "listCustomersByBvn", List.of(bvn), Map.of());
    return bank.apply(s -> page.render(call, s.customersWithBvn(bvn),
        c -> c.toJson(s.accountsOf(c.customerId()).size())));
  }

  /** POST /v1/accounts/open. */
  ObjectNode open(Call call) {
    Body body = call.body();
    String requestId = body.text("requestId");
    String typeId = body.text("accountTypeId");
    String customerId = body.text("customerId");
    String bvn = body.bvn("bvn");
    String first = body.text("firstName");
    String other = body.string("otherName");
    String surname = body.text("surname");
    String birth = body.text("dateOfBirth");
    String phone = body.text("phone");
    String email = body.email("email");
    String street = body.string("street");
    String city = body.optionalText("city").orElse("");
    String state = body.optionalText("localGovernment").orElse("");
    String country = body.string("country");
    for (String field : List.of("salutation", "gender", "nationality")) {
      body.string(field);
    }
    for (String nested : List.of("nextOfKin", "linkedCard", "agency")) {
      body.optionalObject(nested);
    }
    Customer applicant = new Customer(customerId, first, surname, other, bvn, birth, email, phone,
        "Individual", call.now().atZone(ZoneOffset.UTC).toLocalDate(),
        new Customer.Address(street, city, state, country, ""), Optional.empty());
    return bank.apply(s -> open(s, requestId, typeId, applicant));
  }

  private static ObjectNode open(State s, String requestId, String typeId, Customer applicant) {
    if (!s.openingRequests.add(requestId)) {
      return refused(Codes.DUPLICATE_TRANSACTION, "requestId " + requestId + " was used before",
          requestId);
    }
    AccountType type = s.accountTypes.get(typeId);
    if (type == null) {
      return refused(Codes.INVALID_TRANSACTION, "unknown accountTypeId " + typeId, requestId);
    }
    Customer existing = s.customers.get(applicant.customerId());
    if (existing != null && !existing.bvn().equals(applicant.bvn())) {
      return refused(Codes.INVALID_TRANSACTION, "customer " + applicant.customerId()
          + " has another BVN", requestId);
    }
    for (Customer sameBvn : s.customersWithBvn(applicant.bvn())) {
      for (Account account : s.accountsOf(sameBvn.customerId())) {
        if (account.accountTypeId().equals(typeId)) {
          return refused(Codes.ACCOUNT_ALREADY_EXISTS, "BVN " + applicant.bvn() + " already has "
              + typeId + " account " + account.number(), requestId);
        }
      }
    }
    Customer owner = existing != null ? existing : applicant;
    s.customers.putIfAbsent(owner.customerId(), owner);
    String number = type.ofi() ? s.nextOfiAccount() : s.nextNuban();
    LocalDate today = applicant.since();
    s.accounts.put(number, new Account(number, owner.customerId(), typeId,
        owner.firstName() + " " + owner.lastName(), today, NEW_ACCOUNT_BRANCH, BigDecimal.ZERO));
    ObjectNode data = Json.object().put("requestId", requestId).put("accountNumber", number)
        .put("customerId", owner.customerId()).put("accountOpeningDate", Envelope.date(today))
        .put("Process", "Realtime").put("processCode", Codes.APPROVED)
        .put("processMessage", "Account opened");
    data.set("expansionFields", Envelope.expansionFields(
        Envelope.field("branch", "Branch the account is domiciled at", NEW_ACCOUNT_BRANCH)));
    return Envelope.approved(data);
  }

  private static ObjectNode refused(String code, String detail, String requestId) {
    String message = Envelope.message(code, detail);
    ObjectNode data = Json.object().put("requestId", requestId).put("processCode", code)
        .put("processMessage", message);
    return Envelope.withData(code, message, data);
  }
}
