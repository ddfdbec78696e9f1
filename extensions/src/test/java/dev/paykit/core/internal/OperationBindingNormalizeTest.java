package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated Java parameter names are matched to the spec's wire names after {@link OperationBinding#normalize}
 * (once per method, when a client is built). It no longer compiles a regular expression per name; what it
 * gives must be what the regular expression gave.
 */
class OperationBindingNormalizeTest {

  @ParameterizedTest
  @ValueSource(strings = {"tx_id", "txId", "_return", "return", "paramCallback", "X-Request-Timestamp",
      "Idempotency-Key", "accountNumber", "page[size]", "__x", "_", "", "a1_B2", "naïve_field", "ÀB", "créé-2",
      "with space", "dotted.name", "ĲK"})
  void givesWhatTheRegularExpressionGave(String name) {
    String n = name.startsWith("_") ? name.substring(1) : name;
    String expected = n.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);

    assertThat(OperationBinding.normalize(name)).isEqualTo(expected);
  }
}
