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
final class MandatesApi {
  private final PrunnySimulator simulator;
  private final TransferEngine engine;

  MandatesApi(PrunnySimulator simulator, TransferEngine engine) {
    this.simulator = simulator;
    this.engine = engine;
  }

  /** POST /v1/directdebit/create. */
  ObjectNode create(Call call) {
    Mandate.Terms terms = terms(call.body());
    return simulator.bank().apply(s -> {
      if (!s.mandateReferences.add(terms.referenceId())) {
        return Results.refusal(Codes.DUPLICATE_TRANSACTION,
            "referenceId " + terms.referenceId() + " was used by another mandate");
      }
      Optional<ObjectNode> refused = checkAccounts(s, terms);
      if (refused.isPresent()) {
        return refused.get();
      }
      Mandate mandate = new Mandate(s.nextMandateId(), terms);
      s.mandates.put(mandate.mandateId(), mandate);
      return result(s, mandate, call.now());
    });
  }

  /** PUT /v1/directdebit/{account}/{mandateId}: new terms for a valid mandate on that account. */
  ObjectNode update(Call call) {
    String account = call.pathParameter(0);
    String mandateId = call.pathParameter(1);
    Mandate.Terms terms = terms(call.body());
    return simulator.bank().apply(s -> {
      Mandate mandate = s.mandates.get(mandateId);
      if (mandate == null || !mandate.terms().sourceAccount().equals(account)) {
        return Results.refusal(Codes.INVALID_TRANSACTION,
            "no mandate " + mandateId + " on account " + account);
      }
      if (!terms.sourceAccount().equals(account)) {
        return Results.refusal(Codes.INVALID_TRANSACTION, "sourceAccount must stay " + account);
      }
      if (mandate.expireIfEnded(call.now()) || !Mandate.VALID.equals(mandate.status())) {
        return Results.refusal(Codes.INVALID_TRANSACTION,
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
  ObjectNode get(Call call) {
    String account = call.pathParameter(0);
    String mandateId = call.pathParameter(1);
    return simulator.bank().apply(s -> {
      Mandate mandate = s.mandates.get(mandateId);
      if (mandate == null || !mandate.terms().sourceAccount().equals(account)) {
        throw Envelope.notFound(Codes.RECORD_NOT_FOUND,
            "no mandate " + mandateId + " on account " + account);
      }
      mandate.expireIfEnded(call.now());
      return Envelope.approved(mandate.toJson());
    });
  }

  /** POST /v1/directdebit/{mandateId}/cancel. */
  ObjectNode cancel(Call call) {
    String mandateId = call.pathParameter(0);
    return simulator.bank().apply(s -> {
      Mandate mandate = s.mandates.get(mandateId);
      if (mandate == null) {
        return Results.refusal(Codes.INVALID_TRANSACTION, "no mandate " + mandateId);
      }
      if (Mandate.CANCELLED.equals(mandate.status())) {
        return Results.refusal(Codes.NO_ACTION_TAKEN,
            "mandate " + mandateId + " is already cancelled");
      }
      mandate.cancel();
      Transaction txn = record(s, call.now());
      ObjectNode data = Json.object().put("transactionRef", txn.ref())
          .put("referenceId", mandate.referenceId()).put("mandate_status", mandate.status())
          .putNull("next_possible_charge_date")
          .put("statusWebHook", mandate.terms().statusWebHook().orElse(null));
      data.set("expansionFields", Envelope.expansionFields(Results.sessionId(txn)));
      return Envelope.approved(data);
    });
  }

  /** POST /v1/directdebit/{mandateId}/pay. */
  ObjectNode pay(Call call) {
    String mandateId = call.pathParameter(0);
    BigDecimal amount = call.body().amount("amount");
    Instant now = call.now();
    return simulator.bank().apply(s -> {
      Mandate mandate = s.mandates.get(mandateId);
      if (mandate == null) {
        return Results.refusal(Codes.INVALID_TRANSACTION, "no mandate " + mandateId);
      }
      Mandate.Terms t = mandate.terms();
      if (mandate.expireIfEnded(now) || !Mandate.VALID.equals(mandate.status())) {
        return Results.refusal(Codes.INVALID_TRANSACTION,
            "mandate " + mandateId + " is " + mandate.status());
      }
      if (now.isBefore(t.startDate())) {
        return Results.refusal(Codes.INVALID_TRANSACTION, "mandate " + mandateId + " starts on "
            + Envelope.dateTime(t.startDate()));
      }
      if (t.maximumAmount().isPresent() && amount.compareTo(t.maximumAmount().get()) > 0) {
        return Results.refusal(Codes.TRANSFER_LIMIT_EXCEEDED, Envelope.moneyText(amount)
            + " is above the mandate's maximumAmount " + Envelope.moneyText(t.maximumAmount().get()));
      }
      if (t.maximumTransactions().isPresent() && mandate.debits() >= t.maximumTransactions().get()) {
        return Results.refusal(Codes.TRANSFER_LIMIT_EXCEEDED, "the mandate's "
            + t.maximumTransactions().get() + " transaction(s) are used up");
      }
      TransferOrder.Leg merchant = new TransferOrder.Leg(
          PrunnySimulator.BANK_CODE, t.merchantAccount(), amount, t.description());
      TransferOrder order = new TransferOrder(Transfer.Type.MANDATE_DEBIT,
          mandate.referenceId(), t.sourceAccount(), t.sourceCurrency(), "Direct debit",
          t.sourceNarration().orElse(t.description()), List.of(merchant), t.statusWebHook());
      TransferEngine.Outcome outcome = engine.submit(s, order, now, false);
      Transaction txn = outcome.transaction();
      if (txn.executed()) {
        mandate.charged(now);
      }
      ObjectNode data = Json.object().put("transactionRef", txn.ref())
          .put("referenceId", mandate.referenceId()).put("mandate_status", mandate.status());
      if (txn.executed()) {
        data.set("amountDebited", Envelope.money(amount));
      }
      data.put("next_possible_charge_date", mandate.nextPossibleChargeDate().orElse(null))
          .put("statusWebHook", t.statusWebHook().orElse(null));
      data.set("expansionFields", Envelope.expansionFields(Results.sessionId(txn)));
      return Results.envelope(outcome.code(), outcome.detail(), data);
    });
  }

  private static Optional<ObjectNode> checkAccounts(State s, Mandate.Terms terms) {
    if (s.account(terms.sourceAccount()).isEmpty()) {
      return Optional.of(Results.refusal(Codes.INVALID_SOURCE_ACCOUNT,
          "no account " + terms.sourceAccount() + " at Prunny"));
    }
    if (s.account(terms.merchantAccount()).isEmpty()) {
      return Optional.of(Results.refusal(Codes.INVALID_BENEFICIARY_ACCOUNT,
          "no merchant account " + terms.merchantAccount() + " at Prunny"));
    }
    if (!Account.CURRENCY.equals(terms.sourceCurrency())
        || !Account.CURRENCY.equals(terms.merchantCurrency())) {
      return Optional.of(Results.refusal(Codes.INVALID_TRANSACTION,
          "mandates are in " + Account.CURRENCY + " only"));
    }
    return Optional.empty();
  }

  /** The spec's MandateResponse for a created or updated mandate. */
  private static ObjectNode result(State s, Mandate mandate, Instant now) {
    Transaction txn = record(s, now);
    ObjectNode data = Json.object().put("mandateID", mandate.mandateId())
        .put("mandateStatus", mandate.status()).put("transactionRef", txn.ref())
        .put("nextPossibleChargeDate", mandate.nextPossibleChargeDate().orElse(null))
        .put("statusWebHook", mandate.terms().statusWebHook().orElse(null));
    data.set("expansionFields", Envelope.expansionFields(Results.sessionId(txn)));
    return Envelope.approved(data);
  }

  private static Transaction record(State s, Instant now) {
    return s.record(
        new Transaction(s.nextTransactionRef(), now, Optional.empty(), Codes.APPROVED, ""));
  }

  private static Mandate.Terms terms(Body body) {
    Mandate.Terms terms = new Mandate.Terms(body.text("referenceId"), body.text("description"),
        body.account("sourceAccount"), body.text("sourceAccountName"), body.optionalAmount("maximumAmount"),
        body.optionalPositiveInt("maximumTransactions"), body.currency("sourceCurrency"),
        body.optionalText("sourceNarration"), body.dateTime("startDate"), body.optionalDateTime("endDate"),
        body.optionalText("frequency"), body.account("merchantAccount"), body.text("merchantAccountName"),
        body.currency("merchantCurrency"), body.optionalText("statusWebHook"));
    if (terms.endDate().isPresent() && terms.endDate().get().isBefore(terms.startDate())) {
      throw Envelope.invalid("endDate is before startDate");
    }
    return terms;
  }
}
