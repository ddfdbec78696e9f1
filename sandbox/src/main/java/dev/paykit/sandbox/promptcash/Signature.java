package dev.paykit.sandbox.promptcash;

import dev.paykit.sandbox.Digests;
import dev.paykit.sandbox.FormParameters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Checks the {@code signature} field of {@code create-payment}, written independently of any
 * client code so that a client bug cannot be mirrored here. The sources disagree on the algorithm
 * (research-notes section 3.5), so both variants are available:
 *
 * <ul>
 *   <li>{@link PromptCashSimulator.SignatureScheme#QUERY_STRING}: the docs' wording,
 *       {@code SHA256(Secret + token=...&tx_id=...&time=123)} "in the same order as listed here",
 *       over the parameters actually sent, with their decoded values, signature itself excluded.
 *   <li>{@link PromptCashSimulator.SignatureScheme#LEGACY_VALUES}: the official 2021 integration
 *       examples, {@code sha256_hex(secret + token + tx_id + amount + currency + desc + callback +
 *       return + time)}, values only, a missing one counting as "".
 * </ul>
 *
 * <p>There is no freshness window on {@code time}: the real one is undocumented, and fixed test
 * vectors must stay valid.
 */
final class Signature {
  /** The docs' parameter table order, which is also the signing order. */
  static final List<String> SIGNED_ORDER =
      List.of("token", "tx_id", "amount", "currency", "slp_token", "desc", "callback", "return",
          "expiration", "confirm", "time");

  private static final List<String> LEGACY_ORDER =
      List.of("token", "tx_id", "amount", "currency", "desc", "callback", "return", "time");

  private Signature() {}

  /** The string that is hashed (after the secret) for this request under {@code scheme}. */
  static String canonical(PromptCashSimulator.SignatureScheme scheme, FormParameters form) {
    if (scheme == PromptCashSimulator.SignatureScheme.LEGACY_VALUES) {
      StringBuilder values = new StringBuilder();
      LEGACY_ORDER.forEach(name -> values.append(form.get(name)));
      return values.toString();
    }
    StringJoiner pairs = new StringJoiner("&");
    for (String name : SIGNED_ORDER) {
      form.find(name).ifPresent(value -> pairs.add(name + "=" + value));
    }
    return pairs.toString();
  }

  /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code secret + canonical}. */
  static String expected(String secret, PromptCashSimulator.SignatureScheme scheme, FormParameters form) {
    return Digests.sha256Hex(secret + canonical(scheme, form));
  }

  /** True when the sent signature matches (hex compared case-insensitively, in constant time). */
  static boolean matches(String secret, PromptCashSimulator.SignatureScheme scheme, FormParameters form) {
    String sent = form.get("signature").toLowerCase(Locale.ROOT);
    byte[] expected = expected(secret, scheme, form).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.US_ASCII));
  }
}
