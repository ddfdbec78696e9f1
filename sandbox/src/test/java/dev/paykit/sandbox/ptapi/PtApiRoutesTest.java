package dev.paykit.sandbox.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulator serves exactly the operations of specs/ptapi/openapi.yaml, every one a POST. */
class PtApiRoutesTest {
  private static final Path SPEC = Path.of("..", "specs", "ptapi", "openapi.yaml");
  private static final Pattern PATH = Pattern.compile("^  (/\\S+):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|put|post|delete|patch):\\s*$");

  @Test
  void everyOperationOfTheSpecIsRoutedAndNothingElse() throws IOException {
    List<String> spec = new ArrayList<>();
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
        assertThat(m.group(1)).as(path).isEqualTo("post");
        spec.add(path);
      }
    }
    assertThat(spec).hasSize(18);
    assertThat(new Router(new PtApiSimulator("http://127.0.0.1:1")).paths()).containsExactlyInAnyOrderElementsOf(spec);
  }
}
