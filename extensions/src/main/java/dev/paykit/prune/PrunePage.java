package dev.paykit.prune;

import java.util.List;

/**
 * One page of a Prune list.
 *
 * @param items the page's items (empty past the end)
 * @param page its number, from 1
 * @param total the number of items in the whole list ({@code meta.total}), or null when Prune sent none
 */
public record PrunePage<T>(List<T> items, int page, Long total) {

  /**
   * Copies the items, so that the page is immutable; null is taken as no item.
   *
   * @param items the page's items, or null
   * @param page its number, from 1
   * @param total the number of items in the whole list, or null
   */
  public PrunePage {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
