package dev.paykit.core.internal;

import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.ParameterSpec;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fills the form fields the spec marks {@code x-paykit-derived: <marker>} (a public token, a UNIX
 * timestamp...) with a value computed for this attempt, replacing whatever the caller passed. A null
 * value removes the field. Operations without such a field are left alone. Thread-safe.
 */
public final class DerivedFormFields implements AttemptStep {

  private final String marker;
  private final Supplier<String> value;

  public DerivedFormFields(String marker, Supplier<String> value) {
    this.marker = marker;
    this.value = value;
  }

  @Override
  public void apply(RequestTemplate template, OperationSpec operation) {
    List<ParameterSpec> fields = operation.derivedFormFields(marker);
    if (fields.isEmpty()) {
      return;
    }
    FormBody form = FormBody.parse(template.body());
    String v = value.get();
    for (ParameterSpec f : fields) {
      form.set(f.name(), v);
    }
    List<String> order = operation.formFields().stream().map(ParameterSpec::name).toList();
    template.body(form.encode(order), StandardCharsets.UTF_8);
  }
}
