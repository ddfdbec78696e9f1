package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PaginationSpec#problems}: the build-time check that every x-paykit-pagination is one the runtime pages. */
class PaginationSpecTest {

  private static OperationSpec operation(String pagination) throws IOException {
    String yaml = """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /list:
            get:
              operationId: list
              x-paykit-pagination: %s
              parameters:
                - {name: limit, in: query, schema: {type: integer}}
                - {name: last_key, in: query, schema: {type: string}}
                - {name: page, in: query, schema: {type: integer}}
                - {name: X-Page, in: header, schema: {type: integer}}
        """.formatted(pagination);
    return ApiSpec.of("t", new ObjectMapper(new YAMLFactory()).readTree(yaml)).operation("list");
  }

  private static List<String> problems(String pagination) throws IOException {
    OperationSpec op = operation(pagination);
    return op.pagination().orElseThrow().problems(op);
  }

  @Test
  void theStylesAsTheSpecsWriteThemHaveNoProblems() throws IOException {
    assertThat(problems("{style: cursor, items: items, limitParam: limit, cursorParam: last_key, nextCursor: last_key}")).isEmpty();
    assertThat(problems("{style: cursor, items: data, hasMore: has_more, nextCursor: cursor.next}")).isEmpty();
    assertThat(problems("{style: page, items: data, pageParam: page, firstPage: 1, total: meta.total}")).isEmpty();
    assertThat(problems("{style: offset, items: data, itemsAlternatives: [rows]}")).isEmpty();
  }

  @Test
  void everyTypoIsNamed() throws IOException {
    assertThat(problems("{style: cursors, items: items}")).containsExactly(
        "unknown style 'cursors' (known: [cursor, links, offset, page])");
    assertThat(problems("{style: cursor, items: items, cursorParm: last_key, offsetParam: offset}"))
        .hasSize(2).allSatisfy(p -> assertThat(p).contains("not a key of the cursor style"));
    assertThat(problems("{style: page, items: data, pageParam: pg}")).containsExactly(
        "pageParam: names no query parameter of list");
    assertThat(problems("{style: page, items: data, pageParam: X-Page}")).containsExactly(
        "pageParam: names no query parameter of list");
    assertThat(problems("{style: page, items: data, firstPage: one, total: 5}")).containsExactly(
        "firstPage: a page number (an integer, 0 or more)", "total: a name (a string)");
    assertThat(problems("{style: page, itemsAlternatives: data}")).containsExactly(
        "items: names the response property holding the items (a string)",
        "itemsAlternatives: a list of response property names");
  }

  @Test
  void theTestSpecsPageAsWritten() {
    for (String name : List.of("pagingkit", "testkit")) {
      ApiSpec spec = ApiSpec.load(name);
      for (OperationSpec op : spec.operations()) {
        op.pagination().ifPresent(p -> assertThat(p.problems(op)).as(op.toString()).isEmpty());
      }
    }
  }
}
