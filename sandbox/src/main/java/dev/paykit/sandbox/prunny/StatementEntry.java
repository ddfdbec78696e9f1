package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One line of an account statement. Immutable. {@link #toJson} writes the spec's
 * {@code StatementTransaction} schema: {@code transactionTime} in UTC, {@code valueDate} the UTC day.
 */
record StatementEntry(
    String accountNumber,
    BigDecimal amount,
    boolean debit,
    String channel,
    String narration,
    String referenceId,
    Instant time,
    String transactionType,
    BigDecimal balanceAfter) {

  /** What a posting says about itself; the account adds its number, direction and balance. */
  record Posting(BigDecimal amount, String channel, String narration, String referenceId,
      String transactionType, Instant time) {}

  ObjectNode toJson() {
    ObjectNode json = Json.object().put("accountNumber", accountNumber);
    json.set("amount", Envelope.money(amount));
    json.put("currency", Account.CURRENCY)
        .put("channel", channel)
        .put("debitOrCredit", debit ? "Dr" : "Cr")
        .put("narration", narration)
        .put("referenceId", referenceId)
        .put("transactionTime", Envelope.dateTime(time))
        .put("transactionType", transactionType)
        .put("valueDate", Envelope.date(time.atZone(ZoneOffset.UTC).toLocalDate()));
    json.set("balanceAfter", Envelope.money(balanceAfter));
    return json;
  }
}
