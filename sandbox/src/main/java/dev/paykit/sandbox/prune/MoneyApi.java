package dev.paykit.sandbox.prune;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Money out: sending from an issued account and disbursing from the payout account, and the two status
 * operations. Prune has no idempotency keys, so every request that passes its checks books a new
 * transaction, PENDING until {@link PruneSimulator#confirmTransaction} or
 * {@link PruneSimulator#failTransaction}; its amount leaves the balance at once and comes back if it
 * fails. A payout also files a disbursement request: APPROVED at once for a trusted business (docs:
 * processed automatically), PENDING for an untrusted one until {@link PruneSimulator#approvePayout} or
 * {@link PruneSimulator#rejectPayout}.
 */
final class MoneyApi {
  private final PruneSimulator simulator;

  MoneyApi(PruneSimulator simulator) {
    this.simulator = simulator;
  }

  /** The fields sendMoney and disburse share: the amount and the beneficiary. */
  private record Order(BigDecimal amount, String beneficiary, String iban, String bic, String country, String bank,
      String reference, String reason) {}

  private static Order order(JsonBody body) {
    return new Order(body.amount("amount"), body.text("beneficiaryFullName"), body.iban("destinationIBAN", true),
        body.bic("destinationBIC", true), body.text("destinationCountry"), body.text("destinationBank"),
        body.text("reference", 140, true), body.text("reason"));
  }

  /**
   * POST /v1/accounts/send. The debtor rules of the docs: a COMPANY debtor needs debtorWebsite or
   * debtorBusinessRegNo, an INDIVIDUAL debtor debtorIdType and debtorIdNumber; the debtor type is read
   * in any case ("Company" and "COMPANY" both appear in the docs).
   */
  Answer send(Call call) {
    JsonBody body = call.json();
    String account = body.iban("account", true);
    Order order = order(body);
    body.text("debtorFullName");
    body.text("debtorAddress");
    body.countryCode("debtorCountryCode");
    body.optionalText("debtorPostCode");
    body.optionalText("debtorState");
    body.text("debtorCity");
    String debtorType = body.text("debtorType");
    String website = body.optionalText("debtorWebsite");
    String registration = body.optionalText("debtorBusinessRegNo");
    String idType = body.optionalText("debtorIdType");
    String idNumber = body.optionalText("debtorIdNumber");
    if (debtorType != null) {
      switch (debtorType.toUpperCase(Locale.ROOT)) {
        case "COMPANY" -> {
          if (website == null && registration == null) {
            body.problem("a COMPANY debtor needs debtorWebsite or debtorBusinessRegNo");
          }
        }
        case "INDIVIDUAL" -> {
          if (idType == null || idNumber == null) {
            body.problem("an INDIVIDUAL debtor needs debtorIdType and debtorIdNumber");
          }
        }
        default -> body.problem("debtorType must be COMPANY or INDIVIDUAL");
      }
    }
    body.done();
    return simulator.store().apply(call.environment(), s -> {
      IssuedAccount sender = s.byIban(account).orElseThrow(() -> Envelope.notFound("User account not found"));
      Transaction t = book(s, Transaction.Kind.TRANSFER, sender, s::nextTransferId, true, order, call);
      return new Answer(202, "Transfer Initiated Successfully", t.toJson(), null, Transaction.Kind.TRANSFER);
    });
  }

  /** POST /v1/payout/disburse. */
  Answer disburse(Call call) {
    JsonBody body = call.json();
    Order order = order(body);
    body.done();
    boolean trusted = simulator.trustedBusiness();
    return simulator.store().apply(call.environment(), s -> {
      Transaction t = book(s, Transaction.Kind.PAYOUT, s.payoutAccount, s::nextId, false, order, call);
      t.requestStatus = trusted ? "APPROVED" : "PENDING";
      return new Answer(202, "Transfer initiated successfully", t.toJson(), null, Transaction.Kind.PAYOUT);
    });
  }

  /** Checks the sender, debits it and books the transaction; a refused request uses up no id. */
  private static Transaction book(State s, Transaction.Kind kind, IssuedAccount sender,
      java.util.function.Supplier<String> id, boolean numericId, Order order, Call call) {
    if (!sender.status.equals("ACTIVE")) {
      throw Envelope.error(400, "Account is " + sender.status + "; only an ACTIVE account can send money");
    }
    if (sender.balance.compareTo(order.amount()) < 0) {
      throw Envelope.error(400, "Insufficient funds: the balance is below " + order.amount().toPlainString());
    }
    sender.balance = sender.balance.subtract(order.amount());
    sender.updatedAt = call.now();
    Transaction t = new Transaction(id.get(), numericId, kind, s.environment, s.nextDpsId(), order.amount(),
        order.reference(), order.reason(), sender, order.iban(), order.beneficiary(), order.bic(), order.bank(),
        order.country(), call.now());
    s.transactions.put(t.id, t);
    return t;
  }

  /** GET /v1/accounts/transactions/{transaction_id}/status: the bare status (docs). */
  Answer transactionStatus(Call call) {
    return simulator.store().apply(call.environment(), s -> {
      Transaction t = s.transactions.get(call.pathParameter(0));
      if (t == null) {
        throw Envelope.notFound("Transaction not found");
      }
      return Answer.ok("Transaction status fetched", dev.paykit.sandbox.Json.object().textNode(t.status));
    });
  }

  /** GET /v1/payout/disburse/requests/{request_id}/status: {@code data.trxRequest} (docs). */
  Answer disbursementStatus(Call call) {
    return simulator.store().apply(call.environment(), s -> {
      Transaction t = s.transactions.get(call.pathParameter(0));
      if (t == null || t.kind != Transaction.Kind.PAYOUT) {
        throw Envelope.notFound("Disbursement request not found");
      }
      var data = dev.paykit.sandbox.Json.object();
      data.set("trxRequest", t.debitRequest());
      return Answer.ok("Disbursement request fetched", data);
    });
  }
}
