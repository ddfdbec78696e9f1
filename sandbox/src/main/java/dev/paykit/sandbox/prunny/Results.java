package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders the answers of transaction POSTs in the spec's {@code TransactionResponse} shape (transfers,
 * holds, releases): {@code status} is the outcome's code, {@code data.transactionRef} the reference,
 * failures add {@code data.errorCode}, {@code errorMessage} and {@code error}, an OTP request adds
 * {@code data.authDetails}, {@code validTill} and {@code expiryMinutes}. Stateless.
 */
final class Results {
  private static final DateTimeFormatter SESSION_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

  private Results() {}

  /** Whether {@code code} reports a failure (not done, not pending, not merely unconfirmed). */
  static boolean isFailure(String code) {
    return !Codes.APPROVED.equals(code) && !Codes.EXECUTED_BUT_UNCONFIRMED.contains(code);
  }

  /** The answer to a transfer (single, bulk or via mandate) from the engine's outcome. */
  static ObjectNode transfer(TransferEngine.Outcome outcome, String accountHint) {
    Transaction txn = outcome.transaction();
    ObjectNode data = transactionData(outcome.code(), outcome.detail(), txn);
    txn.order().flatMap(TransferOrder::statusWebHook).ifPresent(url -> data.put("statusWebHook", url));
    if (txn.awaitingOtp() && Codes.IN_PROGRESS.equals(outcome.code())) {
      data.put("validTill", Envelope.dateTime(txn.validTill()));
      data.put("expiryMinutes", PrunnySimulator.OTP_EXPIRY_MINUTES);
      ArrayNode auth = data.putArray("authDetails");
      auth.add(Json.object().put("type", "OTP").put("label", "6-digit OTP")
          .put("Message", "Kindly enter the OTP sent to the phone number of account ****"
              + accountHint.substring(accountHint.length() - 4) + " to complete the transaction"));
    }
    data.set("expansionFields", Envelope.expansionFields(sessionId(txn)));
    return envelope(outcome.code(), outcome.detail(), data);
  }

  /** The answer to a hold or a release. */
  static ObjectNode transaction(String code, String detail, Transaction txn) {
    ObjectNode data = transactionData(code, detail, txn);
    data.set("expansionFields", Envelope.expansionFields(sessionId(txn)));
    return envelope(code, detail, data);
  }

  /**
   * A refusal before any transaction was recorded, e.g. 12 for an unknown mandate: no {@code data}
   * (the mandate schemas have no error fields), the detail is in {@code message}.
   */
  static ObjectNode refusal(String code, String detail) {
    return Envelope.of(code, Envelope.message(code, detail));
  }

  private static ObjectNode transactionData(String code, String detail, Transaction txn) {
    ObjectNode data = Json.object().put("transactionRef", txn.ref());
    if (isFailure(code)) {
      addError(data, code, detail);
    }
    return data;
  }

  private static void addError(ObjectNode data, String code, String detail) {
    String message = Envelope.message(code, detail);
    data.put("errorCode", code).put("errorMessage", message).put("error", message);
  }

  static ObjectNode envelope(String code, String detail, ObjectNode data) {
    String message = Codes.APPROVED.equals(code) ? Codes.describe(code)
        : Envelope.message(code, detail);
    return Envelope.withData(code, message, data);
  }

  /**
   * A NIP-style 30-digit session id: sender institution (000 + bank code), the UTC time the
   * transaction was recorded (yyMMddHHmmss), and the transactionRef's 12 digits.
   */
  static ObjectNode sessionId(Transaction txn) {
    String value = "000" + PrunnySimulator.BANK_CODE + SESSION_TIME.format(txn.createdAt())
        + txn.ref().substring(3);
    return Envelope.field("sessionId", "NIP session id of the transaction", value);
  }
}
