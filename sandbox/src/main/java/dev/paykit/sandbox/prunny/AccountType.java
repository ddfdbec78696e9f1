package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * An account (product) type. Immutable. {@link #toJson} writes the spec's {@code AccountType}
 * schema. {@code ofi} types open 15-digit accounts, the others 10-digit NUBANs.
 */
record AccountType(
    String id,
    String name,
    boolean ofi,
    BigDecimal minimumBalance,
    BigDecimal maximumBalance,
    BigDecimal maximumOutflowLimit,
    BigDecimal maximumInflowLimit,
    int kycLevel,
    List<String> documents,
    List<String> digitalServices,
    List<String> cards) {

  AccountType {
    documents = List.copyOf(documents);
    digitalServices = List.copyOf(digitalServices);
    cards = List.copyOf(cards);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object().put("accountTypeId", id).put("accountTypeName", name);
    json.set("minimumBalance", Envelope.money(minimumBalance));
    json.set("maximumBalance", Envelope.money(maximumBalance));
    json.set("maximumOutflowLimit", Envelope.money(maximumOutflowLimit));
    json.set("maximumInFlowLimit", Envelope.money(maximumInflowLimit)); // OBN's schemas and examples
    json.put("currency", Account.CURRENCY).put("decimal", 2).put("kycLevel", kycLevel);
    ArrayNode docs = json.putArray("documentationRequired");
    documents.forEach(d -> docs.add(Json.object().put("type", d).put("description", d + " of the customer")
        .put("value", "required")));
    ArrayNode services = json.putArray("digitalServices");
    for (String service : List.of("USSD", "Mobile", "Internet")) {
      services.add(Json.object().put("service", service).put("description", service + " banking")
          .put("available", digitalServices.contains(service)));
    }
    ArrayNode cardProducts = json.putArray("cardProducts");
    for (String card : List.of("MC", "VS", "VR")) {
      cardProducts.add(Json.object().put("id", card).put("description", cardName(card))
          .put("available", cards.contains(card)));
    }
    json.set("expansionFields", Envelope.expansionFields(
        Envelope.field("interestRate", "Yearly interest rate in percent", ofi ? "0.00" : "4.00")));
    return json;
  }

  private static String cardName(String id) {
    return switch (id) {
      case "MC" -> "Mastercard debit";
      case "VS" -> "Visa debit";
      default -> "Verve debit";
    };
  }
}
