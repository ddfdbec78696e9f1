package dev.paykit.sandbox.promptcash;

import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Numbers;
import dev.paykit.sandbox.Paging;
import java.util.List;

/**
 * The {@code limit}/{@code offset} window shared by {@code get-payments} and {@code surl/list}:
 * limit defaults to 100 and may not exceed 500, offset defaults to 0 (docs, both tables).
 */
record Page(int limit, int offset) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  static Page from(FormParameters query) {
    int limit = (int) Numbers.integer(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = (int) Numbers.integer(query, "offset", 0, 0, Integer.MAX_VALUE);
    return new Page(limit, offset);
  }

  <T> List<T> apply(List<T> all) {
    return Paging.slice(all, offset, limit);
  }
}
