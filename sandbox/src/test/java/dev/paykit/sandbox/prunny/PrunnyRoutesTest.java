package dev.paykit.sandbox.prunny;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulator serves exactly the operations of specs/prunny/openapi.yaml, keys where the spec has them. */
class PrunnyRoutesTest {
  private static final Path SPEC = Path.of("..", "specs", "prunny", "openapi.yaml");
  private static final Pattern PATH = Pattern.compile("^  (/\\S+):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|put|post|delete|patch):\\s*$");

  /**
   * "METHOD path" to "has the IdempotencyKey parameter", read line by line from the spec (paths are
   * indented two spaces, methods four; a method's block ends at the next method or path).
   */
  private static Map<String, Boolean> specOperations() throws IOException {
    Map<String, Boolean> operations = new LinkedHashMap<>();
    String path = null;
    String current = null;
    for (String line : Files.readAllLines(SPEC)) {
      if (line.equals("components:")) {
        break;
      }
      Matcher p = PATH.matcher(line);
      Matcher m = METHOD.matcher(line);
      if (p.matches()) {
        path = p.group(1);
      } else if (m.matches()) {
        current = m.group(1).toUpperCase(Locale.ROOT) + " " + path;
        operations.put(current, false);
      } else if (current != null && line.contains("#/components/parameters/IdempotencyKey")) {
        operations.put(current, true);
      }
    }
    return operations;
  }

  @Test
  void everyOperationOfTheSpecIsRoutedAndNothingElse() throws IOException {
    Map<String, Boolean> spec = specOperations();
    Map<String, Boolean> routed = new Routes(new PrunnySimulator("http://127.0.0.1:1")).operations();

    assertThat(spec).hasSize(24);
    assertThat(routed).containsExactlyInAnyOrderEntriesOf(spec);
  }

  @Test
  void nameEnquiryIsTheOnlyPostWithoutAnIdempotencyKey() throws IOException {
    List<String> withoutKey = specOperations().entrySet().stream()
        .filter(e -> e.getKey().startsWith("POST") && !e.getValue()).map(Map.Entry::getKey).toList();

    assertThat(withoutKey).containsExactly("POST /v1/transactions/nameenquiry");
  }
}
