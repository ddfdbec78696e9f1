package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An amount held (blocked) on an account until released. Immutable: a partial release stores a
 * smaller copy. {@link #toJson} writes the spec's {@code HeldFunds} schema.
 */
record PrunnyHold(
    String referenceId,
    String accountNumber,
    BigDecimal amount,
    String narration,
    Instant startHoldDate,
    Instant endHoldDate,
    Instant transactionDate,
    String transactionRef) {

  PrunnyHold reducedBy(BigDecimal released) {
    return new PrunnyHold(referenceId, accountNumber, amount.subtract(released), narration,
        startHoldDate, endHoldDate, transactionDate, transactionRef);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object().put("referenceId", referenceId).put("accountNumber", accountNumber);
    json.set("amount", PrunnyEnvelope.money(amount));
    json.put("currency", PrunnyAccount.CURRENCY)
        .put("narration", narration)
        .put("startHoldDate", PrunnyEnvelope.dateTime(startHoldDate))
        .put("endHoldDate", PrunnyEnvelope.dateTime(endHoldDate))
        .put("transactionDate", PrunnyEnvelope.dateTime(transactionDate));
    json.set("expansionFields", PrunnyEnvelope.expansionFields(
        PrunnyEnvelope.field("transactionRef", "The hold's transaction reference", transactionRef)));
    return json;
  }
}
