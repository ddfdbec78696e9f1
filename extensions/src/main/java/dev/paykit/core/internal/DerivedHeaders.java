package dev.paykit.core.internal;

import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.internal.spec.ParameterSpec;
import feign.RequestTemplate;
import java.util.function.Supplier;

/**
 * Sets the header parameters the spec marks {@code x-paykit-derived: <marker>} (e.g. a request
 * timestamp) to a value computed for this attempt, replacing any earlier value. The header's name is
 * the spec's unless the client overrides it (for providers whose header name is not documented).
 * Thread-safe.
 */
public final class DerivedHeaders implements AttemptStep {

  private final String marker;
  private final Supplier<String> value;
  private final String nameOverride;

  /** @param nameOverride the header name to use instead of the spec's, or null */
  public DerivedHeaders(String marker, Supplier<String> value, String nameOverride) {
    this.marker = marker;
    this.value = value;
    this.nameOverride = nameOverride;
  }

  @Override
  public void apply(RequestTemplate template, OperationSpec operation) {
    for (ParameterSpec p : operation.parameters()) {
      if ("header".equals(p.in()) && marker.equals(p.derived())) {
        template.removeHeader(p.name());
        String name = nameOverride == null ? p.name() : nameOverride;
        AttemptStep.replaceHeader(template, name, value.get());
      }
    }
  }
}
