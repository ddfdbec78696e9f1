package dev.paykit.promptcash;

import dev.paykit.core.internal.AttemptStep;
import dev.paykit.core.internal.Digests;
import dev.paykit.core.internal.FormBody;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.ParameterSpec;
import dev.paykit.core.internal.AttemptRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

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
  public void apply(AttemptRequest template, OperationSpec operation) {
    List<ParameterSpec> signatureFields = operation.derivedFormFields("signature"); // computed with the spec
    if (signatureFields.isEmpty()) {
      return;
    }
    FormBody form = FormBody.edit(template); // the attempt's shared form: encoded once, after the last step
    List<String> order = operation.formFieldNames();
    for (ParameterSpec f : signatureFields) {
      form.set(f.name(), null);
    }
    if (scheme != SignatureScheme.NONE) {
      String signature = sha256Hex(secret + signedString(form, order, signatureFields));
      for (ParameterSpec f : signatureFields) {
        form.set(f.name(), signature);
      }
    }
    form.write(template, order);
  }

  /** The text after the secret that is hashed; package-private for tests. */
  String signedString(FormBody form, List<String> order, List<ParameterSpec> signatureFields) {
    StringBuilder sb = new StringBuilder(128);
    if (scheme == SignatureScheme.LEGACY_VALUES) {
      for (String name : LEGACY_FIELDS) {
        String v = form.get(name);
        sb.append(v == null ? "" : v);
      }
      return sb.toString();
    }
    for (String name : order) {
      String v = form.get(name);
      if (v != null && !isSignature(name, signatureFields)) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(name).append('=').append(v);
      }
    }
    return sb.toString();
  }

  private static boolean isSignature(String name, List<ParameterSpec> signatureFields) {
    for (ParameterSpec f : signatureFields) {
      if (f.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  static String sha256Hex(String text) {
    return HexFormat.of().formatHex(Digests.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String toString() {
    return "PromptCashSigner[" + scheme + "]"; // never the secret
  }
}
