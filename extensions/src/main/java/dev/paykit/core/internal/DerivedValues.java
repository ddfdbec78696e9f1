package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.ParameterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fills every value the spec marks {@code x-paykit-derived: <marker>} with a value computed for this
 * attempt, wherever the spec puts it: a header or query parameter, a form field (the form is re-encoded
 * in the spec's field order, the documented signing order), or a top-level property of a JSON body (a
 * session id riding in the body). Such values are not in the generated signatures (the generator reads
 * the spec without them), so this step is their only source; whatever the request already carries under
 * that name is replaced. A null value removes the field. Operations without the marker are left alone.
 * Thread-safe.
 */
public final class DerivedValues implements AttemptStep {

  private static final ObjectMapper JSON = PaykitJson.newMapper();

  private final String marker;
  private final Supplier<String> value;
  private final String headerName;

  /**
   * @param headerName the header name to use instead of the spec's (for a provider whose header name is
   *     not documented), or null
   */
  public DerivedValues(String marker, Supplier<String> value, String headerName) {
    this.marker = marker;
    this.value = value;
    this.headerName = headerName;
  }

  public DerivedValues(String marker, Supplier<String> value) {
    this(marker, value, null);
  }

  @Override
  public void apply(AttemptRequest template, OperationSpec operation) {
    String v = null;
    boolean computed = false;
    for (ParameterSpec p : operation.derivedParameters(marker)) {
      if (!computed) {
        v = value.get();
        computed = true;
      }
      if ("header".equals(p.in())) {
        template.removeHeader(p.name());
        if (v != null) {
          template.replaceHeader(headerName == null ? p.name() : headerName, v);
        }
      } else if ("query".equals(p.in())) {
        template.replaceQuery(p.name(), v == null ? null : PathSegments.encode(v));
      }
    }
    List<ParameterSpec> fields = operation.derivedFormFields(marker);
    if (!fields.isEmpty()) {
      if (!computed) {
        v = value.get();
        computed = true;
      }
      FormBody form = FormBody.edit(template); // the attempt's shared form: encoded once, after the last step
      for (ParameterSpec f : fields) {
        form.set(f.name(), v);
      }
      form.write(template, operation.formFieldNames());
    }
    List<String> properties = operation.derivedJsonProperties(marker);
    if (!properties.isEmpty()) {
      if (!computed) {
        v = value.get();
      }
      template.body(withProperties(template.body(), properties, v));
    }
  }

  private static byte[] withProperties(byte[] body, List<String> properties, String value) {
    try {
      JsonNode tree = body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
      if (!(tree instanceof ObjectNode object)) {
        return body; // not an object: nothing the spec could have marked; validation described it already
      }
      for (String name : properties) {
        if (value == null) {
          object.remove(name);
        } else {
          object.put(name, value);
        }
      }
      return JSON.writeValueAsBytes(object);
    } catch (IOException e) {
      throw new UncheckedIOException("the request body paykit encoded is not JSON", e);
    }
  }
}
