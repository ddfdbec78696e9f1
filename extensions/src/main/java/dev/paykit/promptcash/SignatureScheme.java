package dev.paykit.promptcash;

/**
 * How {@code create-payment} requests are signed. Signatures are required only when "Enforce API
 * Signatures" is on in the Prompt.Cash account (official integration-examples README).
 */
public enum SignatureScheme {

  /**
   * The current docs: {@code SHA256(secret + "token=...&tx_id=...&time=123")}, lowercase hex, over the
   * parameters sent, in the documented order, values as sent (decoded), without {@code signature}
   * (https://prompt.cash/pub/docs/#create-a-new-payment).
   */
  QUERY_STRING,

  /**
   * The 2021 official examples: {@code SHA256(secret + token + tx_id + amount + currency + desc +
   * callback + return + time)}, values only, missing ones empty (integration-examples
   * {@code nodejs/functions.js}, {@code php/functions.php}; research-notes §3.5).
   */
  LEGACY_VALUES,

  /** No {@code time} and no {@code signature}: for accounts that do not enforce signatures. */
  NONE
}
