package dev.paykit.promptcash;

import dev.paykit.core.internal.AttemptStep;
import dev.paykit.core.internal.FormBody;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.ParameterSpec;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * Step 5 for Prompt.Cash: computes {@code signature} over the final form of each attempt (after the
 * public token and the fresh {@code time} are in), for operations whose spec has a form field marked
 * {@code x-paykit-derived: signature}. The field order is the spec's, which is the documented order.
 * Runs once per attempt; thread-safe.
 */
final class PromptCashSigner implements AttemptStep {

  /** The fields of the legacy value-only concatenation, in its order (research-notes §3.5). */
  private static final List<String> LEGACY_FIELDS =
      List.of("token", "tx_id", "amount", "currency", "desc", "callback", "return", "time");

  private final String secret;
  private final SignatureScheme scheme;

  PromptCashSigner(String secret, SignatureScheme scheme) {
    this.secret = secret;
    this.scheme = scheme;
  }

  @Override
  public void apply(RequestTemplate template, OperationSpec operation) {
    List<ParameterSpec> signatureFields = operation.derivedFormFields("signature");
    if (signatureFields.isEmpty()) {
      return;
    }
    FormBody form = FormBody.parse(template.body());
    List<String> order = operation.formFields().stream().map(ParameterSpec::name).toList();
    for (ParameterSpec f : signatureFields) {
      form.set(f.name(), null);
    }
    if (scheme != SignatureScheme.NONE) {
      String signed = signedString(form, order, signatureFields);
      for (ParameterSpec f : signatureFields) {
        form.set(f.name(), sha256Hex(secret + signed));
      }
    }
    template.body(form.encode(order), StandardCharsets.UTF_8);
  }

  /** The text after the secret that is hashed; package-private for tests. */
  String signedString(FormBody form, List<String> order, List<ParameterSpec> signatureFields) {
    if (scheme == SignatureScheme.LEGACY_VALUES) {
      StringBuilder sb = new StringBuilder();
      for (String name : LEGACY_FIELDS) {
        String v = form.get(name);
        sb.append(v == null ? "" : v);
      }
      return sb.toString();
    }
    StringJoiner joined = new StringJoiner("&");
    for (String name : order) {
      boolean isSignature = signatureFields.stream().anyMatch(f -> f.name().equals(name));
      String v = form.get(name);
      if (!isSignature && v != null) {
        joined.add(name + "=" + v);
      }
    }
    return joined.toString();
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "PromptCashSigner[" + scheme + "]"; // never the secret
  }
}
