package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Prunny customer. Immutable. {@link #toJson} writes the spec's {@code Customer} schema (OBN "Get
 * Customer"), with the number of accounts as it is at the time.
 */
record Customer(
    String customerId,
    String firstName,
    String lastName,
    String otherNames,
    String bvn,
    String dateOfBirth,
    String email,
    String phone,
    String type,
    LocalDate since,
    Address address,
    Optional<Identity> identity) {

  record Address(String street, String city, String state, String country, String postalCode) {}

  record Identity(String idNumber, String idType, String countryOfIssue, String expiryDate) {}

  /** "Adaeze Ngozi Okafor": first, other and last names. */
  String fullName() {
    return otherNames.isEmpty() ? firstName + " " + lastName : firstName + " " + otherNames + " " + lastName;
  }

  ObjectNode toJson(int numberOfAccounts) {
    ObjectNode json = Json.object().put("customerID", customerId); // OBN's spelling, as in its examples
    json.set("customerName", Json.object().put("firstName", firstName).put("lastName", lastName)
        .put("otherNames", otherNames));
    json.put("bvn", bvn)
        .put("dateOfBirth", dateOfBirth)
        .put("email", email)
        .put("phone", phone)
        .put("numberOfAccounts", numberOfAccounts)
        .put("type", type)
        .put("startDateOfRelationship", Envelope.date(since))
        .put("status", "Active");
    json.set("customerAddress", Json.object().put("street", address.street()).put("city", address.city())
        .put("state", address.state()).put("country", address.country())
        .put("postalCode", address.postalCode()));
    identity.ifPresent(id -> json.set("identity", Json.object().put("idNumber", id.idNumber())
        .put("idType", id.idType()).put("countryOfIssue", id.countryOfIssue())
        .put("expiryDate", id.expiryDate())));
    json.set("expansionFields", Envelope.expansionFields(
        Envelope.field("segment", "Customer segment", "Retail")));
    return json;
  }
}
