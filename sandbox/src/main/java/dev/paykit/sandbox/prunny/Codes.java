package dev.paykit.sandbox.prunny;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The codes a Prunny answer carries. {@code status} of a 200 envelope is an ISO-8583 response code
 * from Prunny's table (docs "Response Code"); {@code errorCode} of an error body is the OBN code that
 * best names the problem (OBN publishes no list for it, so the sandbox picks from OBN's ISO-8583
 * table: 30 format error, 63 security violation, 25 unable to locate record, 18 wrong method call,
 * 26 duplicate record, 96 system malfunction, and 07 / 12 for an unknown account / transaction).
 */
final class Codes {
  static final String APPROVED = "00";
  static final String STATUS_UNKNOWN = "01";
  static final String INVALID_ACCOUNT = "07";
  static final String IN_PROGRESS = "09";
  static final String INVALID_TRANSACTION = "12";
  static final String UNKNOWN_BANK_CODE = "16";
  static final String NO_ACTION_TAKEN = "21";
  static final String INSUFFICIENT_FUNDS = "51";
  static final String TRANSFER_LIMIT_EXCEEDED = "61";
  static final String BLOCK_FAILED = "69";
  static final String UNBLOCK_FAILED = "70";
  static final String DUPLICATE_TRANSACTION = "94";
  static final String SYSTEM_MALFUNCTION = "96";
  static final String DESTINATION_TIMEOUT = "97";
  static final String ACCOUNT_ALREADY_EXISTS = "98";
  static final String INVALID_SOURCE_ACCOUNT = "99";
  static final String INVALID_BENEFICIARY_ACCOUNT = "100";

  /** errorCode of error bodies (OBN's ISO-8583 table; not in Prunny's shorter list). */
  static final String WRONG_METHOD_CALL = "18";
  static final String RECORD_NOT_FOUND = "25";
  static final String DUPLICATE_RECORD = "26";
  static final String FORMAT_ERROR = "30";
  static final String SECURITY_VIOLATION = "63";

  /**
   * Codes whose transfer has been carried out although the answer does not say "done": the
   * destination's reply was lost (97) or settlement is pending (01, 09). A status query settles them.
   */
  static final Set<String> EXECUTED_BUT_UNCONFIRMED =
      Set.of(STATUS_UNKNOWN, IN_PROGRESS, DESTINATION_TIMEOUT);

  private static final Map<String, String> DESCRIPTIONS = descriptions();

  private Codes() {}

  /** Prunny's description of a response code; the code itself when it is not in the table. */
  static String describe(String code) {
    return DESCRIPTIONS.getOrDefault(code, code);
  }

  /** Whether {@code code} is in Prunny's response-code table. */
  static boolean isResponseCode(String code) {
    return DESCRIPTIONS.containsKey(code);
  }

  /** Prunny docs, "Response Code" (102's text repeats 101's there). */
  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("00", "Approved or completed successfully");
    d.put("01", "Status unknown, please wait for settlement report");
    d.put("07", "Invalid Account");
    d.put("09", "Request processing in progress");
    d.put("12", "Invalid transaction");
    d.put("16", "Unknown Bank Code");
    d.put("21", "No action is taken");
    d.put("51", "No sufficient funds");
    d.put("61", "Transfer limit Exceeded");
    d.put("69", "Unsuccessful Account/Amount block");
    d.put("70", "Unsuccessful Account/Amount unblock");
    d.put("94", "Duplicate transaction");
    d.put("96", "System malfunction");
    d.put("97", "Timeout waiting for a response from destination");
    d.put("98", "Account already exists");
    d.put("99", "Invalid Source Account");
    d.put("100", "Invalid Beneficiary Account");
    d.put("101", "Unsuccessful Source Account/Amount block");
    d.put("102", "Unsuccessful Source Account/Amount block");
    d.put("103", "Debit ok");
    return Map.copyOf(d);
  }
}
