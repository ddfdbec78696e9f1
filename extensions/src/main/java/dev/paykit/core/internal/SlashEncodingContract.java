package dev.paykit.core.internal;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feign's default contract, except that every path parameter is sent as exactly one path segment,
 * encoded by {@link PathSegments#encode}: {@code /} as {@code %2F} (Feign's {@code @RequestLine} would
 * otherwise keep it, so a reference like {@code LIEN/2026/0001} would split into extra segments and reach
 * another resource), {@code %} as {@code %25} (Feign passes an already percent-encoded triplet through,
 * so {@code %2e%2e} would reach OkHttp as a dot segment and be resolved), and every other character
 * outside RFC 3986's unreserved set as UTF-8 octets. A value that cannot be one segment ({@code .},
 * {@code ..} and their encoded forms) or cannot be encoded losslessly (an unpaired surrogate) makes the
 * expansion fail; validation rejects those before a request is built. Stateless; an interface is parsed
 * once per JVM.
 */
public final class SlashEncodingContract implements Contract {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

  /**
   * Each interface's methods as this contract reads them, parsed once per JVM: the result depends only on
   * the interface (the annotations of a loaded class do not change), and Feign only reads it afterwards
   * (every request starts from a copy of the method's template, {@code RequestTemplate.from}), so every
   * client built on the interface shares it instead of parsing it again per build.
   */
  private static final ClassValue<List<MethodMetadata>> PARSED = new ClassValue<>() {
    @Override
    protected List<MethodMetadata> computeValue(Class<?> targetType) {
      List<MethodMetadata> methods = new Contract.Default().parseAndValidateMetadata(targetType);
      for (MethodMetadata md : methods) {
        md.template().decodeSlash(false);
        encodePathParameters(md);
      }
      return List.copyOf(methods);
    }
  };

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    return PARSED.get(targetType);
  }

  private static void encodePathParameters(MethodMetadata md) {
    Set<String> inPath = variables(md.template().path());
    Set<String> elsewhere = new HashSet<>();
    md.template().headers().values().forEach(values -> values.forEach(v -> elsewhere.addAll(variables(v))));
    if (md.template().bodyTemplate() != null) {
      elsewhere.addAll(variables(md.template().bodyTemplate()));
    }
    Map<Integer, Param.Expander> expanders = new HashMap<>();
    for (Map.Entry<Integer, Collection<String>> e : md.indexToName().entrySet()) {
      Param.Expander declared = declaredExpander(md, e.getKey());
      boolean pathOnly = e.getValue().stream().anyMatch(inPath::contains)
          && e.getValue().stream().noneMatch(elsewhere::contains);
      if (pathOnly) {
        expanders.put(e.getKey(), value -> PathSegments.encode(declared.expand(value)));
      } else if (md.indexToExpanderClass().containsKey(e.getKey())) {
        expanders.put(e.getKey(), declared);
      }
    }
    if (!expanders.isEmpty()) {
      // Replaces the per-class expanders, which is why the declared ones are carried over above.
      md.indexToExpander(expanders);
    }
  }

  private static Param.Expander declaredExpander(MethodMetadata md, int index) {
    Class<? extends Param.Expander> type = md.indexToExpanderClass().get(index);
    if (type == null || type == Param.ToStringExpander.class) {
      return String::valueOf;
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("cannot create the expander " + type.getName(), cause);
    }
  }

  private static Set<String> variables(String template) {
    Set<String> names = new HashSet<>();
    if (template != null) {
      Matcher m = VARIABLE.matcher(template);
      while (m.find()) {
        names.add(m.group(1).trim());
      }
    }
    return names;
  }
}
