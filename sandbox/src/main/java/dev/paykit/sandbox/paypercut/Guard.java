package dev.paykit.sandbox.paypercut;

import dev.paykit.sandbox.Digests;
import java.util.List;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;

/**
 * The checks before routing (Paypercut API reference, "Authentication", "Connected Accounts",
 * "Idempotent Requests"): the secret key, the account the request acts for, and the form of an
 * idempotency key. Every refusal is a {@link dev.paykit.sandbox.ApiError} in Paypercut's shape.
 * Stateless.
 */
final class Guard {
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[a-zA-Z0-9:_\\-.]+");
  static final int MAX_KEY_LENGTH = 255;

  private Guard() {}

  /**
   * 401 unless the request carries exactly one {@code Authorization: Bearer }{@value
   * PaypercutSimulator#TEST_KEY} (scheme case-insensitive): {@code authentication_required}
   * without the header, {@code livemode_key_in_test_sandbox} for an {@code sk_live_} key,
   * {@code authentication_invalid} for anything else. The key is never echoed.
   */
  static void authenticate(HttpRequest request) {
    List<String> values = request.getHeader("Authorization");
    if (values.isEmpty() || values.get(0).isBlank()) {
      throw Errors.error(401, Errors.INVALID_REQUEST, "authentication_required", null,
          "You did not provide an API key. Send it as 'Authorization: Bearer sk_test_...'.");
    }
    String value = values.get(0);
    if (values.size() > 1 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Errors.error(401, Errors.INVALID_REQUEST, "authentication_invalid", null,
          "Send exactly one 'Authorization: Bearer <secret key>' header.");
    }
    String key = value.substring(7).trim();
    if (key.startsWith("sk_live_")) {
      throw Errors.error(401, Errors.INVALID_REQUEST, "livemode_key_in_test_sandbox", null,
          "A live-mode key (sk_live_...) was sent to the sandbox, which is test mode only; use the"
              + " sandbox's test key.");
    }
    if (!Digests.constantTimeEquals(PaypercutSimulator.TEST_KEY, key)) {
      throw Errors.error(401, Errors.INVALID_REQUEST, "authentication_invalid", null,
          "Invalid API key provided.");
    }
  }

  /**
   * The account the request acts for: {@value PaypercutSimulator#ACCOUNT_HEADER} (or its alias
   * {@value PaypercutSimulator#ACCOUNT_HEADER_ALIAS}), else the platform. 400 when both are sent
   * with different values; 403 {@code account_invalid} for an id that is not the platform or one
   * of its connected accounts.
   */
  static String scope(HttpRequest request, State state) {
    String header = request.getFirstHeader(PaypercutSimulator.ACCOUNT_HEADER).trim();
    String alias = request.getFirstHeader(PaypercutSimulator.ACCOUNT_HEADER_ALIAS).trim();
    if (!header.isEmpty() && !alias.isEmpty() && !header.equals(alias)) {
      throw Errors.invalid(PaypercutSimulator.ACCOUNT_HEADER, "'" + PaypercutSimulator.ACCOUNT_HEADER
          + "' and '" + PaypercutSimulator.ACCOUNT_HEADER_ALIAS + "' name different accounts");
    }
    String account = header.isEmpty() ? alias : header;
    if (account.isEmpty()) {
      return PaypercutSimulator.PLATFORM_ACCOUNT;
    }
    if (!state.accounts.containsKey(account)) {
      throw Errors.error(403, Errors.INVALID_REQUEST, "account_invalid", PaypercutSimulator.ACCOUNT_HEADER,
          "The account '" + account + "' does not exist or this key cannot act for it.");
    }
    return account;
  }

  /** 400 {@code Idempotency-Key} unless the key is 1 to 255 characters of {@code [a-zA-Z0-9:_\-.]}. */
  static void checkIdempotencyKey(String key) {
    if (key.length() > MAX_KEY_LENGTH) {
      throw Errors.invalid(PaypercutSimulator.IDEMPOTENCY_HEADER,
          "must be at most " + MAX_KEY_LENGTH + " characters (was " + key.length() + ")");
    }
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw Errors.invalid(PaypercutSimulator.IDEMPOTENCY_HEADER,
          "may only contain letters, digits and ':', '_', '-', '.'");
    }
  }
}
