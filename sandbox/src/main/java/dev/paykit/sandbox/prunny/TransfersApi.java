package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The transfer endpoints: single and bulk, intra- and inter-bank transfers, OTP completion and the
 * status query. Each reads and validates its body (400 on a bad one), then runs under the bank's
 * lock through {@link TransferEngine}; business outcomes are 200 envelopes.
 */
final class TransfersApi {
  private final PrunnySimulator simulator;
  private final TransferEngine engine;

  TransfersApi(PrunnySimulator simulator) {
    this.simulator = simulator;
    this.engine = new TransferEngine(simulator);
  }

  /** POST /v1/transactions/singletransferwithbank. */
  ObjectNode intraBank(Call call) {
    return submit(call, single(call.body(), Transfer.Type.INTRA_BANK), true);
  }

  /** POST /v1/transactions/singleInterbankTransfer. */
  ObjectNode interBank(Call call) {
    return submit(call, single(call.body(), Transfer.Type.INTER_BANK), true);
  }

  /** POST /v1/transactions/multiIntrabankTransfer. */
  ObjectNode bulkIntraBank(Call call) {
    return submit(call, bulk(call.body(), Transfer.Type.BULK_INTRA_BANK), true);
  }

  /** POST /v1/transactions/multipleinterbankTransfer. */
  ObjectNode bulkInterBank(Call call) {
    return submit(call, bulk(call.body(), Transfer.Type.BULK_INTER_BANK), true);
  }

  ObjectNode submit(Call call, TransferOrder order, boolean otpAllowed) {
    return simulator.bank().apply(s -> Results.transfer(
        engine.submit(s, order, call.now(), otpAllowed), order.sourceAccount()));
  }

  TransferEngine engine() {
    return engine;
  }

  private static TransferOrder single(Body body, Transfer.Type type) {
    BigDecimal amount = body.amount("amount");
    BigDecimal sourceAmount = body.amount("sourceAmount");
    String currency = body.currency("currency");
    String sourceCurrency = body.currency("sourceCurrency");
    String destination = body.account("destinationAccount");
    String bankCode = type == Transfer.Type.INTER_BANK ? body.bankCode("destinationBankCode")
        : PrunnySimulator.BANK_CODE;
    if (type == Transfer.Type.INTER_BANK) {
      body.text("destinationBankName");
    }
    body.text("destinationAccountName");
    String narration = body.text("destinationNarration");
    common(body);
    if (amount.compareTo(sourceAmount) != 0 || !currency.equals(sourceCurrency)) {
      throw Envelope.invalid("amount/currency and sourceAmount/sourceCurrency must be equal"
          + " (the sandbox converts no currencies)");
    }
    return new TransferOrder(type, body.text("referenceId"), body.account("sourceAccount"),
        sourceCurrency, body.text("channel"), body.text("sourceNarration"),
        List.of(new TransferOrder.Leg(bankCode, destination, amount, narration)),
        body.optionalText("statusWebHook"));
  }

  /**
   * A bulk order. Items either all carry an {@code amount} (which must add up to
   * {@code sourceAmount}) or none does (then {@code sourceAmount} is shared equally, to the cent).
   */
  private static TransferOrder bulk(Body body, Transfer.Type type) {
    body.text("batchId");
    BigDecimal total = body.amount("sourceAmount");
    List<Body> items = body.objects("transactions");
    List<Optional<BigDecimal>> amounts = new ArrayList<>();
    List<TransferOrder.Leg> legs = new ArrayList<>();
    for (Body item : items) {
      String account = item.account("destinationAccount");
      item.text("destinationAccountName");
      String bank = type == Transfer.Type.BULK_INTER_BANK ? item.bankCode("destinationBankCode")
          : item.optionalBankCode("destinationBankCode").orElse(PrunnySimulator.BANK_CODE);
      String narration = item.text("destinationNarration");
      Optional<BigDecimal> amount = item.optionalAmount("amount");
      amounts.add(amount);
      legs.add(new TransferOrder.Leg(bank, account, amount.orElse(BigDecimal.ZERO), narration));
    }
    common(body);
    return new TransferOrder(type, body.text("referenceId"), body.account("sourceAccount"),
        body.currency("sourceCurrency"), body.text("channel"), body.text("sourceNarration"),
        withAmounts(legs, amounts, total), body.optionalText("statusWebHook"));
  }

  private static List<TransferOrder.Leg> withAmounts(List<TransferOrder.Leg> legs,
      List<Optional<BigDecimal>> amounts, BigDecimal total) {
    long given = amounts.stream().filter(Optional::isPresent).count();
    if (given == legs.size()) {
      BigDecimal sum =
          legs.stream().map(TransferOrder.Leg::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(total) != 0) {
        throw Envelope.invalid("the items' amounts add up to " + Envelope.moneyText(sum)
            + ", not sourceAmount " + Envelope.moneyText(total));
      }
      return legs;
    }
    if (given > 0) {
      throw Envelope.invalid("give an amount on every item of transactions or on none");
    }
    BigDecimal share;
    try {
      share = total.divide(BigDecimal.valueOf(legs.size()), 2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw Envelope.invalid("sourceAmount " + Envelope.moneyText(total)
          + " cannot be shared equally to the cent among " + legs.size()
          + " items; give each item an amount");
    }
    return legs.stream().map(l -> new TransferOrder.Leg(l.bankCode(), l.accountNumber(), share,
        l.narration())).toList();
  }

  /** Fields every transfer body has that the order does not keep, validated all the same. */
  private static void common(Body body) {
    body.text("sourceAccountName");
    body.optionalDateTime("startDate");
    body.optionalDateTime("endDate");
    body.optionalDateTime("transactionDate");
  }

  /** POST /v1/transactions/complete. */
  ObjectNode complete(Call call) {
    Body body = call.body();
    body.text("requestRef");
    String ref = body.text("transactionRef");
    String otp = null;
    for (Body auth : body.objects("authDetails")) {
      String type = auth.text("type");
      String value = auth.text("value");
      if (type.toLowerCase(Locale.ROOT).equals("otp")) {
        otp = value;
      }
    }
    if (otp == null) {
      throw Envelope.invalid("authDetails must contain an item of type OTP");
    }
    String given = otp;
    return simulator.bank().apply(s -> {
      TransferEngine.Outcome outcome = engine.complete(s, ref, given, call.now());
      ObjectNode data = Json.object().put("transactionRef", ref);
      data.put("status", Envelope.message(outcome.code(), outcome.detail()));
      data.put("statusCode", outcome.code());
      data.put("error", Results.isFailure(outcome.code()) ? Envelope.message(outcome.code(),
          outcome.detail()) : null);
      if (outcome.transaction() != null) {
        data.set("expansionFields",
            Envelope.expansionFields(Results.sessionId(outcome.transaction())));
      }
      String message = Codes.APPROVED.equals(outcome.code()) ? Codes.describe(outcome.code())
          : Envelope.message(outcome.code(), outcome.detail());
      return Envelope.withData(outcome.code(), message, data);
    });
  }

  /** GET /v1/transactions/confirmation/{transactionReference}. */
  ObjectNode status(Call call) {
    String ref = call.pathParameter(0);
    return simulator.bank().apply(s -> {
      Transaction txn = s.transactions.get(ref);
      if (txn == null) {
        throw Envelope.notFound(
            Codes.INVALID_TRANSACTION, "no transaction with transactionRef " + ref);
      }
      String code = txn.query(call.now());
      String status = Results.isFailure(code) ? Envelope.message(code, txn.detail())
          : Codes.describe(code);
      ObjectNode data = Json.object().put("status", status).put("statusCode", code);
      data.set("expansionFields", Envelope.expansionFields(Results.sessionId(txn)));
      return Envelope.approved(data);
    });
  }

  /** POST /v1/transactions/nameenquiry: at Prunny without bankCode (or with 999), else by bankCode. */
  ObjectNode nameEnquiry(Call call) {
    Body body = call.body();
    String account = body.account("accountNumber");
    String bank = body.optionalBankCode("bankCode").orElse(PrunnySimulator.BANK_CODE);
    return simulator.bank().apply(s -> {
      Optional<ObjectNode> found;
      if (PrunnySimulator.BANK_CODE.equals(bank)) {
        found = s.account(account).map(a -> Json.object().put("accountNumber", account)
            .put("accountName", a.name()).put("bvn", s.customers.get(a.customerId()).bvn()));
      } else if (!s.banks.containsKey(bank)) {
        return nameEnquiryFailure(Codes.UNKNOWN_BANK_CODE, "unknown bank code " + bank);
      } else {
        found = s.externalAccount(bank, account).map(a -> Json.object().put("accountNumber", account)
            .put("accountName", a.accountName()).put("bvn", a.bvn()));
      }
      if (found.isEmpty()) {
        return nameEnquiryFailure(Codes.INVALID_ACCOUNT, "no account " + account + " at bank " + bank);
      }
      found.get().set("expansionFields", Envelope.expansionFields(
          Envelope.field("bankName", "Name of the account's bank", s.banks.get(bank))));
      ObjectNode answer = Envelope.approved(found.get());
      answer.put("responseCode", Codes.APPROVED);
      return answer;
    });
  }

  private static ObjectNode nameEnquiryFailure(String code, String detail) {
    ObjectNode answer = Envelope.of(code, Envelope.message(code, detail));
    answer.put("responseCode", code);
    return answer;
  }
}
