package dev.paykit.sandbox.paypercut;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulator answers exactly the operations of specs/paypercut/openapi.yaml. */
class PaypercutRoutesTest {
  private static final Pattern PATH = Pattern.compile("^  (/[^:]+):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");

  /** "METHOD /path" of every operation in the spec, path parameters written {p}. */
  private static List<String> specOperations() throws IOException {
    Path spec = Path.of("..", "specs", "paypercut", "openapi.yaml");
    List<String> operations = new ArrayList<>();
    String path = null;
    for (String line : Files.readAllLines(spec)) {
      if (line.equals("components:")) {
        break;
      }
      Matcher p = PATH.matcher(line);
      if (p.matches()) {
        path = p.group(1).replaceAll("\\{[^}]+\\}", "{p}");
        continue;
      }
      Matcher m = METHOD.matcher(line);
      if (m.matches() && path != null) {
        operations.add(m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }

  @Test
  void everyOperationOfTheSpecIsRoutedAndNothingElse() throws IOException {
    List<String> routed = new PaypercutSimulator("http://127.0.0.1:1").router().routes().operations().stream()
        .map(op -> op.replaceAll("\\{[^}]+\\}", "{p}")).toList();

    assertThat(specOperations()).hasSize(37);
    assertThat(routed).containsExactlyInAnyOrderElementsOf(specOperations());
  }
}
