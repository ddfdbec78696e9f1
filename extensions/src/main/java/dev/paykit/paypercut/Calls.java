package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import dev.paykit.core.internal.QueryValues;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What every Paypercut facade method does around its generated call. */
final class Calls {

  private Calls() {}

  static <T> T require(T value, String name, String operationId) {
    return Arguments.require(value, name, PaypercutErrors.PROVIDER, operationId);
  }

  /** Runs one call through the pipeline with these options (checked first: null is a clear error). */
  static <T> T run(String operationId, RequestOptions options, Supplier<T> call) {
    require(options, "options", operationId);
    return CallReport.run(options, call);
  }

  /** The expand list as sent: null (no parameter) when empty. */
  static List<String> expand(List<String> expand, String operationId) {
    if (expand == null || expand.isEmpty()) {
      return null;
    }
    for (String field : expand) {
      require(field, "expand[]", operationId);
    }
    return List.copyOf(expand);
  }

  /** Fills a generated query map with these wire-named values, percent-encoded once ({@link QueryValues}). */
  static <M extends Map<String, Object>> M query(M params, Map<String, Object> values) {
    values.forEach((name, value) -> {
      if (value != null) {
        params.put(name, QueryValues.encode(value)); // a list stays a list: one parameter per element
      }
    });
    return params;
  }
}
