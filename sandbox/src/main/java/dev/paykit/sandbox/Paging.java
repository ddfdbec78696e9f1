package dev.paykit.sandbox;

import java.util.List;

/**
 * Windows over a simulator's records, whatever its provider's paging style: offset and limit
 * (Prompt.Cash), page number and size (Prunny, offset {@code (page - 1) * size}), or a cursor that
 * resolves to an offset. Sandbox machinery, not an API for the sandbox's users. Stateless.
 */
public final class Paging {
  private Paging() {}

  /**
   * Up to {@code limit} records from {@code offset} on, as an immutable copy; empty when
   * {@code offset} is at or past the end.
   *
   * @param <T> the record type
   * @param all every record, in list order
   * @param offset the index of the first record, not negative
   * @param limit the most records to return, not negative
   * @return the window
   * @throws IllegalArgumentException for a negative offset or limit
   */
  public static <T> List<T> slice(List<T> all, long offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
    }
    if (offset >= all.size()) {
      return List.of();
    }
    int from = (int) offset;
    return List.copyOf(all.subList(from, (int) Math.min(all.size(), (long) from + limit)));
  }

  /**
   * How many pages of {@code size} {@code total} records fill.
   *
   * @param total the number of records, not negative
   * @param size the page size, at least 1
   * @return the page count; 0 for no records
   * @throws IllegalArgumentException for a size below 1
   */
  public static int pageCount(int total, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("page size must be at least 1: " + size);
    }
    return (total + size - 1) / size;
  }
}
