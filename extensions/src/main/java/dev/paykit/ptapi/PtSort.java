package dev.paykit.ptapi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A search's order ({@code sort_by}): fields, each ascending or descending, the first the primary order,
 * rendered as the wiki writes it: {@code asc(lastName),desc(age)}. Field names are checked (a letter or
 * {@code _}, then letters, digits or {@code _}), so no input can add a clause. Immutable and thread-safe.
 *
 * <pre>{@code
 * PtSort order = PtSort.asc("lastName").thenDesc("age");   // sort_by=asc(lastName),desc(age)
 * }</pre>
 */
public final class PtSort {

  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<String> keys;

  private PtSort(List<String> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * Ascending by {@code field}.
   *
   * @param field the field's name
   * @return the order
   */
  public static PtSort asc(String field) {
    return new PtSort(List.of(key("asc", field)));
  }

  /**
   * Descending by {@code field}.
   *
   * @param field the field's name
   * @return the order
   */
  public static PtSort desc(String field) {
    return new PtSort(List.of(key("desc", field)));
  }

  /**
   * This order, then ascending by {@code field} among equals.
   *
   * @param field the field's name
   * @return the longer order
   */
  public PtSort thenAsc(String field) {
    return then(key("asc", field));
  }

  /**
   * This order, then descending by {@code field} among equals.
   *
   * @param field the field's name
   * @return the longer order
   */
  public PtSort thenDesc(String field) {
    return then(key("desc", field));
  }

  private PtSort then(String key) {
    List<String> more = new ArrayList<>(keys);
    more.add(key);
    return new PtSort(more);
  }

  /** {@return the {@code sort_by} value, e.g. {@code asc(lastName),desc(age)}} */
  public String expression() {
    return String.join(",", keys);
  }

  private static String key(String direction, String field) {
    if (field == null || !FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("a sort field is a letter or '_' followed by letters, digits or '_': "
          + field);
    }
    return direction + "(" + field + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PtSort other && keys.equals(other.keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode();
  }

  @Override
  public String toString() {
    return "PtSort[" + expression() + "]";
  }
}
