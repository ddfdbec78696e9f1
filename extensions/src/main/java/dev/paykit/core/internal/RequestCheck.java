package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.core.Violation;
import dev.paykit.core.internal.spec.OperationSpec;
import java.util.List;
import java.util.Map;

/**
 * A provider's rule on one operation's request that its spec cannot state, checked at step 1 of
 * {@link CallPipeline} together with the spec's own constraints: its violations join theirs in the one
 * {@link dev.paykit.core.ValidationException} of the call, and nothing is sent when there is any. For
 * example Prune's corporate account request: for every director and shareholder {@code <n>} sent, its
 * four document parts come together and an ID that is not a passport has its back side, a rule over an
 * open family of part names that JSON Schema has no way to write.
 *
 * <p>Registered per operation with {@link ClientRuntime.Builder#requestCheck}; it runs for every call of
 * that operation, from a facade or from an application's own Feign interface alike. It must not throw
 * for bad input (it reports a {@link Violation} instead), must not repeat a value in a message, and must
 * be thread-safe.
 */
@FunctionalInterface
public interface RequestCheck {

  /** Appends a violation for every broken rule; appends nothing when the request keeps them all. */
  void check(Request request, List<Violation> out);

  /**
   * What a check sees of one call's request, after the files of a multipart body were read into memory
   * (what is checked is what is sent).
   *
   * @param operation the operation called
   * @param parts a multipart body's parts present, by wire name, in the order sent: a text part as the
   *     text sent ({@link String}), a file as a {@link MultipartBody.FilePart} (or a list of these for a
   *     part that repeats); empty when the operation takes no multipart body
   * @param jsonBody a JSON body as it will be sent, or null
   */
  record Request(OperationSpec operation, Map<String, Object> parts, JsonNode jsonBody) {

    /** A text part's text, or null when it was not sent or is a file. */
    public String text(String part) {
      return parts.get(part) instanceof String s ? s : null;
    }

    /** Whether a part of this name was sent (text or file). */
    public boolean has(String part) {
      return parts.containsKey(part);
    }
  }
}
