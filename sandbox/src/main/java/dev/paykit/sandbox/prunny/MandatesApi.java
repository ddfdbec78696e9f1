package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Direct-debit mandates. A mandate is {@code valid} as soon as it is created (the sandbox asks for no
 * OTP); {@code pay} debits its source account in favour of the merchant account through the same
 * engine as transfers (transfer limit 61, funds 51, respondNextWithCode), within the mandate's
 * {@code maximumAmount} per debit and {@code maximumTransactions} in all (61 beyond), between its
 * start and end dates (12 outside; past the end it becomes {@code expired}). Write operations on an
 * unknown or cancelled mandate answer 12; cancelling twice answers 21.
 */
final class PrunnyMandatesApi {
  private final PrunnySimulator simulator;
  private final PrunnyTransferEngine engine;

  PrunnyMandatesApi(PrunnySimulator simulator, PrunnyTransferEngine engine) {
    this.simulator = simulator;
    this.engine = engine;
  }

  /** POST /v1/directdebit/create. */
  ObjectNode create(PrunnyCall call) {
    PrunnyMandate.Terms terms = terms(call.body());
    return simulator.bank().apply(s -> {
      if (!s.mandateReferences.add(terms.referenceId())) {
        return PrunnyResults.refusal(PrunnyCodes.DUPLICATE_TRANSACTION,
            "referenceId " + terms.referenceId() + " was used by another mandate");
      }
      Optional<ObjectNode> refused = checkAccounts(s, terms);
      if (refused.isPresent()) {
        return refused.get();
      }
      PrunnyMandate mandate = new PrunnyMandate(s.nextMandateId(), terms);
      s.mandates.put(mandate.mandateId(), mandate);
      return result(s, mandate, call.now());
    });
  }

  /** PUT /v1/directdebit/{account}/{mandateId}: new terms for a valid mandate on that account. */
  ObjectNode update(PrunnyCall call) {
    String account = call.pathParameter(0);
    String mandateId = call.pathParameter(1);
    PrunnyMandate.Terms terms = terms(call.body());
    return simulator.bank().apply(s -> {
      PrunnyMandate mandate = s.mandates.get(mandateId);
      if (mandate == null || !mandate.terms().sourceAccount().equals(account)) {
        return PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION,
            "no mandate " + mandateId + " on account " + account);
      }
      if (!terms.sourceAccount().equals(account)) {
        return PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION, "sourceAccount must stay " + account);
      }
      if (mandate.expireIfEnded(call.now()) || !PrunnyMandate.VALID.equals(mandate.status())) {
        return PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION,
            "mandate " + mandateId + " is " + mandate.status());
      }
      Optional<ObjectNode> refused = checkAccounts(s, terms);
      if (refused.isPresent()) {
        return refused.get();
      }
      mandate.update(terms);
      return result(s, mandate, call.now());
    });
  }

  /** GET /v1/directdebit/{account}/{mandateId}. */
  ObjectNode get(PrunnyCall call) {
    String account = call.pathParameter(0);
    String mandateId = call.pathParameter(1);
    return simulator.bank().apply(s -> {
      PrunnyMandate mandate = s.mandates.get(mandateId);
      if (mandate == null || !mandate.terms().sourceAccount().equals(account)) {
        throw PrunnyEnvelope.notFound(PrunnyCodes.RECORD_NOT_FOUND,
            "no mandate " + mandateId + " on account " + account);
      }
      mandate.expireIfEnded(call.now());
      return PrunnyEnvelope.approved(mandate.toJson());
    });
  }

  /** POST /v1/directdebit/{mandateId}/cancel. */
  ObjectNode cancel(PrunnyCall call) {
    String mandateId = call.pathParameter(0);
    return simulator.bank().apply(s -> {
      PrunnyMandate mandate = s.mandates.get(mandateId);
      if (mandate == null) {
        return PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION, "no mandate " + mandateId);
      }
      if (PrunnyMandate.CANCELLED.equals(mandate.status())) {
        return PrunnyResults.refusal(PrunnyCodes.NO_ACTION_TAKEN,
            "mandate " + mandateId + " is already cancelled");
      }
      mandate.cancel();
      PrunnyTransaction txn = record(s, call.now());
      ObjectNode data = Json.object().put("transactionRef", txn.ref())
          .put("referenceId", mandate.referenceId()).put("mandate_status", mandate.status())
          .putNull("next_possible_charge_date")
          .put("statusWebHook", mandate.terms().statusWebHook().orElse(null));
      data.set("expansionFields", PrunnyEnvelope.expansionFields(PrunnyResults.sessionId(txn)));
      return PrunnyEnvelope.approved(data);
    });
  }

  /** POST /v1/directdebit/{mandateId}/pay. */
  ObjectNode pay(PrunnyCall call) {
    String mandateId = call.pathParameter(0);
    BigDecimal amount = call.body().amount("amount");
    Instant now = call.now();
    return simulator.bank().apply(s -> {
      PrunnyMandate mandate = s.mandates.get(mandateId);
      if (mandate == null) {
        return PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION, "no mandate " + mandateId);
      }
      PrunnyMandate.Terms t = mandate.terms();
      if (mandate.expireIfEnded(now) || !PrunnyMandate.VALID.equals(mandate.status())) {
        return PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION,
            "mandate " + mandateId + " is " + mandate.status());
      }
      if (now.isBefore(t.startDate())) {
        return PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION, "mandate " + mandateId + " starts on "
            + PrunnyEnvelope.dateTime(t.startDate()));
      }
      if (t.maximumAmount().isPresent() && amount.compareTo(t.maximumAmount().get()) > 0) {
        return PrunnyResults.refusal(PrunnyCodes.TRANSFER_LIMIT_EXCEEDED, PrunnyEnvelope.moneyText(amount)
            + " is above the mandate's maximumAmount " + PrunnyEnvelope.moneyText(t.maximumAmount().get()));
      }
      if (t.maximumTransactions().isPresent() && mandate.debits() >= t.maximumTransactions().get()) {
        return PrunnyResults.refusal(PrunnyCodes.TRANSFER_LIMIT_EXCEEDED, "the mandate's "
            + t.maximumTransactions().get() + " transaction(s) are used up");
      }
      PrunnyTransferOrder.Leg merchant = new PrunnyTransferOrder.Leg(
          PrunnySimulator.BANK_CODE, t.merchantAccount(), amount, t.description());
      PrunnyTransferOrder order = new PrunnyTransferOrder(Transfer.Type.MANDATE_DEBIT,
          mandate.referenceId(), t.sourceAccount(), t.sourceCurrency(), "Direct debit",
          t.sourceNarration().orElse(t.description()), List.of(merchant), t.statusWebHook());
      PrunnyTransferEngine.Outcome outcome = engine.submit(s, order, now, false);
      PrunnyTransaction txn = outcome.transaction();
      if (txn.executed()) {
        mandate.charged(now);
      }
      ObjectNode data = Json.object().put("transactionRef", txn.ref())
          .put("referenceId", mandate.referenceId()).put("mandate_status", mandate.status());
      if (txn.executed()) {
        data.set("amountDebited", PrunnyEnvelope.money(amount));
      }
      data.put("next_possible_charge_date", mandate.nextPossibleChargeDate().orElse(null))
          .put("statusWebHook", t.statusWebHook().orElse(null));
      data.set("expansionFields", PrunnyEnvelope.expansionFields(PrunnyResults.sessionId(txn)));
      return PrunnyResults.envelope(outcome.code(), outcome.detail(), data);
    });
  }

  private static Optional<ObjectNode> checkAccounts(PrunnyState s, PrunnyMandate.Terms terms) {
    if (s.account(terms.sourceAccount()).isEmpty()) {
      return Optional.of(PrunnyResults.refusal(PrunnyCodes.INVALID_SOURCE_ACCOUNT,
          "no account " + terms.sourceAccount() + " at Prunny"));
    }
    if (s.account(terms.merchantAccount()).isEmpty()) {
      return Optional.of(PrunnyResults.refusal(PrunnyCodes.INVALID_BENEFICIARY_ACCOUNT,
          "no merchant account " + terms.merchantAccount() + " at Prunny"));
    }
    if (!PrunnyAccount.CURRENCY.equals(terms.sourceCurrency())
        || !PrunnyAccount.CURRENCY.equals(terms.merchantCurrency())) {
      return Optional.of(PrunnyResults.refusal(PrunnyCodes.INVALID_TRANSACTION,
          "mandates are in " + PrunnyAccount.CURRENCY + " only"));
    }
    return Optional.empty();
  }

  /** The spec's MandateResponse for a created or updated mandate. */
  private static ObjectNode result(PrunnyState s, PrunnyMandate mandate, Instant now) {
    PrunnyTransaction txn = record(s, now);
    ObjectNode data = Json.object().put("mandateID", mandate.mandateId())
        .put("mandateStatus", mandate.status()).put("transactionRef", txn.ref())
        .put("nextPossibleChargeDate", mandate.nextPossibleChargeDate().orElse(null))
        .put("statusWebHook", mandate.terms().statusWebHook().orElse(null));
    data.set("expansionFields", PrunnyEnvelope.expansionFields(PrunnyResults.sessionId(txn)));
    return PrunnyEnvelope.approved(data);
  }

  private static PrunnyTransaction record(PrunnyState s, Instant now) {
    return s.record(
        new PrunnyTransaction(s.nextTransactionRef(), now, Optional.empty(), PrunnyCodes.APPROVED, ""));
  }

  private static PrunnyMandate.Terms terms(PrunnyBody body) {
    PrunnyMandate.Terms terms = new PrunnyMandate.Terms(body.text("referenceId"), body.text("description"),
        body.account("sourceAccount"), body.text("sourceAccountName"), body.optionalAmount("maximumAmount"),
        body.optionalPositiveInt("maximumTransactions"), body.currency("sourceCurrency"),
        body.optionalText("sourceNarration"), body.dateTime("startDate"), body.optionalDateTime("endDate"),
        body.optionalText("frequency"), body.account("merchantAccount"), body.text("merchantAccountName"),
        body.currency("merchantCurrency"), body.optionalText("statusWebHook"));
    if (terms.endDate().isPresent() && terms.endDate().get().isBefore(terms.startDate())) {
      throw PrunnyEnvelope.invalid("endDate is before startDate");
    }
    return terms;
  }
}
