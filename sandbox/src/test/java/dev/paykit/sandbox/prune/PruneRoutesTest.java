package dev.paykit.sandbox.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulator serves exactly the operations of specs/prune/openapi.yaml. */
class PruneRoutesTest {
  private static final Path SPEC = Path.of("..", "specs", "prune", "openapi.yaml");
  private static final Pattern PATH = Pattern.compile("^  (/\\S+):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|put|post|delete|patch):\\s*$");

  /** "METHOD path" of every operation, read line by line (paths indented two spaces, methods four). */
  private static List<String> specOperations() throws IOException {
    List<String> operations = new ArrayList<>();
    String path = null;
    for (String line : Files.readAllLines(SPEC)) {
      if (line.equals("components:")) {
        break;
      }
      Matcher p = PATH.matcher(line);
      Matcher m = METHOD.matcher(line);
      if (p.matches()) {
        path = p.group(1);
      } else if (m.matches()) {
        operations.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }

  /** The spec's {request_id} is the route table's {requestId}: template names are letters only there. */
  private static String camel(String operation) {
    Matcher m = Pattern.compile("_([a-z])").matcher(operation);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group(1).toUpperCase(Locale.ROOT));
    }
    return m.appendTail(out).toString();
  }

  @Test
  void everyOperationOfTheSpecIsRoutedAndNothingElse() throws IOException {
    List<String> spec = specOperations().stream().map(PruneRoutesTest::camel).toList();
    List<String> routed = new Routes(new PruneSimulator("http://127.0.0.1:1")).operations();

    assertThat(spec).hasSize(14);
    assertThat(routed).containsExactlyInAnyOrderElementsOf(spec);
  }
}
