package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation parameter or form field as the spec declares it.
 *
 * @param name the wire name
 * @param in {@code path}, {@code query}, {@code header}, {@code cookie} or {@code form}
 * @param required whether the spec requires it
 * @param schema its schema ({@code $ref}s not yet resolved)
 * @param derived the {@code x-paykit-derived} marker (the SDK fills the value), or null
 */
public record ParameterSpec(String name, String in, boolean required, JsonNode schema, String derived) {

  /** Whether the SDK fills this value itself (public token, timestamp, signature...). */
  public boolean isDerived() {
    return derived != null;
  }
}
