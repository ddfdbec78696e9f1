package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An amount held (blocked) on an account until released. Immutable: a partial release stores a
 * smaller copy. {@link #toJson} writes the spec's {@code HeldFunds} schema.
 */
record Hold(
    String referenceId,
    String accountNumber,
    BigDecimal amount,
    String narration,
    Instant startHoldDate,
    Instant endHoldDate,
    Instant transactionDate,
    String transactionRef) {

  Hold reducedBy(BigDecimal released) {
    return new Hold(referenceId, accountNumber, amount.subtract(released), narration,
        startHoldDate, endHoldDate, transactionDate, transactionRef);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object().put("referenceId", referenceId).put("accountNumber", accountNumber);
    json.set("amount", Envelope.money(amount));
    json.put("currency", Account.CURRENCY)
        .put("narration", narration)
        .put("startHoldDate", Envelope.dateTime(startHoldDate))
        .put("endHoldDate", Envelope.dateTime(endHoldDate))
        .put("transactionDate", Envelope.dateTime(transactionDate));
    json.set("expansionFields", Envelope.expansionFields(
        Envelope.field("transactionRef", "The hold's transaction reference", transactionRef)));
    return json;
  }
}
