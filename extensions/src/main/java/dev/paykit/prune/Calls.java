package dev.paykit.prune;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.Arguments;
import dev.paykit.core.internal.CallReport;
import java.util.Map;
import java.util.function.Supplier;

/** What every Prune facade method does around its generated call. */
final class Calls {

  private Calls() {}

  static <T> T require(T value, String name, String operationId) {
    return Arguments.require(value, name, PruneResponses.PROVIDER, operationId);
  }

  /** Runs one call through the pipeline with these options (checked first: null is a clear error). */
  static <T> T run(String operationId, RequestOptions options, Supplier<T> call) {
    require(options, "options", operationId);
    return CallReport.run(options, call);
  }

  /** Fills a generated query map with these wire-named values, percent-encoded as its setters do. */
  static <M extends Map<String, Object>> M query(M params, Map<String, Object> values) {
    values.forEach((name, value) -> {
      if (value != null) {
        params.put(name, dev.paykit.core.internal.QueryValues.encode(value));
      }
    });
    return params;
  }
}
