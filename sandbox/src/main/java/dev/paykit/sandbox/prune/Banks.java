package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.util.Map;
import java.util.Optional;

/**
 * The banks validate-account-details knows: by BIC for EUR accounts (IBAN and BIC), by sort code for
 * GBP ones (account number and sort code). Two well-known example accounts and the sandbox's own bank;
 * anything else fails validation as Prune's examples do. Stateless.
 */
final class Banks {
  /** A bank's details as the EUR validation answers them. */
  record Bank(String bic, String name, String branch, String address, String city, String state,
      String country, String countryCode, String zipCode) {}

  /** By the BIC's first 8 characters. */
  private static final Map<String, Bank> BY_BIC = Map.of(
      "COBADEFF", new Bank("COBADEFFXXX", "Commerzbank AG", "Koeln", "Unter Sachsenhausen 21-27", "Koeln",
          "Nordrhein-Westfalen", "Germany", "DE", "50667"),
      "PSSTFRPP", new Bank("PSSTFRPPXXX", "La Banque Postale", "Paris", "115 rue de Sevres", "Paris",
          "Ile-de-France", "France", "FR", "75275"),
      "NWBKGB2L", new Bank("NWBKGB2L", "National Westminster Bank plc", "London", "250 Bishopsgate", "London",
          "England", "United Kingdom", "GB", "EC2M 4AA"),
      "PRUNLT21", new Bank(PruneSimulator.BIC, "Prune Payments (sandbox)", "Vilnius", "Sandbox street 1",
          "Vilnius", "Vilnius County", "Lithuania", "LT", "01100"),
      "PRUNGB21", new Bank(PruneSimulator.GB_BIC, "Prune Payments UK (sandbox)", "London", "Sandbox lane 1",
          "London", "England", "United Kingdom", "GB", "EC1A 1BB"));

  /** GBP: the NatWest example account (GB29NWBK60161331926819), by sort code. */
  static final String NATWEST_SORT_CODE = "601613";
  static final String NATWEST_ACCOUNT = "31926819";

  private Banks() {}

  static Optional<Bank> byBic(String bic) {
    return Optional.ofNullable(BY_BIC.get(bic.substring(0, 8)));
  }

  /** The EUR answer: bankName, bankBranch, address, city, state, country, swiftCodes, ... */
  static ObjectNode eur(Bank bank) {
    ObjectNode node = Json.object().put("bankName", bank.name()).put("bankBranch", bank.branch())
        .put("address", bank.address()).put("city", bank.city()).put("state", bank.state())
        .put("country", bank.country()).put("countryCode", bank.countryCode()).put("zipCode", bank.zipCode());
    node.putArray("swiftCodes").add(bank.bic());
    node.putArray("supportPaymentMethod").add("SEPA");
    return node;
  }

  /** The GBP answer: bankBic, iban, bankName, bankTown, bankAddress. */
  static ObjectNode gbp(Bank bank, String iban) {
    return Json.object().put("bankBic", bank.bic()).put("iban", iban).put("bankName", bank.name())
        .put("bankTown", bank.city()).put("bankAddress", bank.address() + ", " + bank.zipCode());
  }

  static Bank natwest() {
    return BY_BIC.get("NWBKGB2L");
  }

  static Bank sandboxGb() {
    return BY_BIC.get("PRUNGB21");
  }
}
