package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A transaction the simulator booked: a transfer from an issued account (sendMoney), a payout from the
 * payout account (disburse) with its disbursement request, or the credit of a confirmed transfer to an
 * account the sandbox issued. Money leaves the sender's balance when the transaction is booked (PENDING)
 * and comes back when it is REJECTED or CANCELLED. Mutable; only touched under the {@link Store}'s lock.
 */
final class Transaction {
  /** What booked it. */
  enum Kind { TRANSFER, PAYOUT, CREDIT }

  final String id;
  /** Whether {@code id} is written as a JSON number (send-money's example) rather than a UUID string. */
  final boolean numericId;
  final Kind kind;
  final Environment environment;
  final long dpsId;
  final String centrolinkRef;
  final BigDecimal amount;
  final String currency;
  final String reference;
  final String reason;
  final IssuedAccount sender;
  final String recipientIban;
  final String recipientName;
  final String recipientBic;
  final String recipientBank;
  final String recipientCountry;
  final Instant createdAt;
  String status = "PENDING";
  String rejectionReason;
  Instant updatedAt;
  /** A payout's disbursement request: PENDING, APPROVED, REJECTED or CANCELLED; null for other kinds. */
  String requestStatus;

  Transaction(String id, boolean numericId, Kind kind, Environment environment, long dpsId, BigDecimal amount,
      String reference, String reason, IssuedAccount sender, String recipientIban, String recipientName,
      String recipientBic, String recipientBank, String recipientCountry, Instant createdAt) {
    this.id = id;
    this.numericId = numericId;
    this.kind = kind;
    this.environment = environment;
    this.dpsId = dpsId;
    this.centrolinkRef = String.format("ARPY%03d", dpsId);
    this.amount = amount;
    this.currency = sender.currency;
    this.reference = reference;
    this.reason = reason;
    this.sender = sender;
    this.recipientIban = recipientIban;
    this.recipientName = recipientName;
    this.recipientBic = recipientBic;
    this.recipientBank = recipientBank;
    this.recipientCountry = recipientCountry;
    this.createdAt = createdAt;
  }

  /** The transaction object (docs' disburse example; the dashboard's TransactionType for the rest). */
  ObjectNode toJson() {
    ObjectNode node = Json.object();
    if (numericId) {
      node.put("id", Long.parseLong(id));
    } else {
      node.put("id", id);
    }
    node.put("dpsId", dpsId).put("centrolinkRef", centrolinkRef).put("reference", reference)
        .put("narration", reason);
    node.set("amount", Envelope.money(amount));
    node.put("currency", currency).put("currencyType", currency).put("status", status)
        .put("type", kind == Kind.CREDIT ? "CREDIT" : "DEBIT").put("rejectionReason", rejectionReason)
        .put("senderIban", sender.iban).put("senderName", sender.accountName).put("senderBic", sender.bic)
        .put("senderAccountNumber", sender.accountNumber).put("senderSortCode", sender.sortCode)
        .put("recipientIban", recipientIban).put("recipientName", recipientName).put("recipientBic", recipientBic)
        .put("recipientBankAddress", recipientBank).put("recipientBankCountry", recipientCountry)
        .put("accountId", kind == Kind.PAYOUT ? null : sender.id)
        .put("payoutAccountId", kind == Kind.PAYOUT ? sender.id : null)
        .putNull("companyAccountId")
        .put("staging", environment.name())
        .put("createdAt", Envelope.dateTime(createdAt))
        .put("updatedAt", updatedAt == null ? null : Envelope.dateTime(updatedAt))
        .putNull("deletedAt");
    return node;
  }

  /** A payout's disbursement request, as {@code data.trxRequest} (docs; the dashboard's DebitRequest). */
  ObjectNode debitRequest() {
    ObjectNode node = Json.object().put("id", id).put("beneficiaryFullName", recipientName)
        .put("destinationIBAN", recipientIban).put("destinationBIC", recipientBic)
        .put("destinationCountry", recipientCountry).put("destinationBank", recipientBank)
        .putNull("destinationFirstName").putNull("destinationLastName")
        .put("reference", reference);
    node.set("amount", Envelope.money(amount));
    return node.put("reason", reason).put("createdAt", Envelope.dateTime(createdAt)).put("status", requestStatus)
        .put("payoutAccountId", sender.id).putNull("companyAccountId").put("staging", environment.name());
  }

  /** Whether the money is back with (or never left) the sender: REJECTED or CANCELLED. */
  boolean refunded() {
    return status.equals("REJECTED") || status.equals("CANCELLED");
  }
}
