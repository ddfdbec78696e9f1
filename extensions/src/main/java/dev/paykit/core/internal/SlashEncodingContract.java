package dev.paykit.core.internal;

import feign.Contract;
import feign.MethodMetadata;
import java.util.List;

/**
 * Feign's default contract, except that a {@code /} inside a path parameter is sent encoded
 * ({@code %2F}). Feign's {@code @RequestLine} decodes it by default, so a reference like
 * {@code LIEN/2026/0001} would split into extra path segments and reach another resource. Stateless.
 */
public final class SlashEncodingContract implements Contract {

  private final Contract delegate = new Contract.Default();

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
    for (MethodMetadata md : methods) {
      md.template().decodeSlash(false);
    }
    return methods;
  }
}
