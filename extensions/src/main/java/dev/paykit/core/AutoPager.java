package dev.paykit.core;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged list operation, fetched page by page as the caller iterates. Each
 * {@link #iterator()} starts again from the first page; pages are fetched lazily, one at a time, so
 * memory holds one page. A failed page fetch throws the call's {@link PaykitException} from
 * {@code hasNext()}/{@code next()} after its retries; so does a page that cannot be paged on (an
 * {@link UnexpectedResponseException}: its paging fields are unusable, or the provider answered a page
 * already read), whose items are then not handed out.
 *
 * <pre>{@code
 * for (Payment p : client.payments().listAutoPaging(PaymentQuery.builder().status(PAID).build())) {
 *   ...
 * }
 * long paid = client.payments().listAutoPaging(query).stream().count();
 * }</pre>
 *
 * <p>How the next page is asked for is the operation's paging style from the spec
 * ({@link PageStyle}); no paginator is written per endpoint. Not thread-safe per iterator.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

  /** One style of paging: how to ask for the page after this one. */
  public interface PageStyle {
    /**
     * The query for the next page, or empty when this page was the last.
     *
     * @param query the query that fetched this page
     * @param page the decoded page
     * @param items the page's items
     * @param fetched the queries of every page this iteration fetched, this one included
     * @return the next page's query, or empty after the last page
     */
    Optional<Map<String, Object>> next(Map<String, Object> query, Object page, List<?> items,
        List<Map<String, Object>> fetched);

    /**
     * The style for one walk over the pages, called when an iteration starts. A style that keeps state
     * from page to page (items seen so far, pages already read) returns a fresh instance, so that every
     * iteration starts again and two iterations never share it; a stateless style returns itself, which
     * is the default.
     *
     * @return the style to use for this iteration: a fresh one, or this one when it keeps no state
     */
    default PageStyle start() {
      return this;
    }

    /**
     * Whether an empty page may still name a next one. A cursor may (a keyset walk with server-side
     * filters can answer a page with no match and a cursor to go on from), so the cursor style says yes;
     * for offsets and page numbers an empty page is the end, the default.
     *
     * @return true when an empty page is not necessarily the last
     */
    default boolean followsEmptyPages() {
      return false;
    }
  }

  private final Map<String, Object> firstQuery;
  private final Function<Map<String, Object>, ?> fetch;
  private final Function<Object, List<T>> items;
  private final PageStyle style;

  /**
   * @param firstQuery the query of the first page (copied)
   * @param fetch fetches one page for a query (goes through the whole pipeline)
   * @param items the items of a page
   * @param style how to ask for the next page
   */
  public AutoPager(Map<String, Object> firstQuery, Function<Map<String, Object>, ?> fetch,
      Function<Object, List<T>> items, PageStyle style) {
    this.firstQuery = Map.copyOf(firstQuery);
    this.fetch = fetch;
    this.items = items;
    this.style = style;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  /** {@return the items as a sequential, lazily-fetched stream} */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private final class PageIterator implements Iterator<T> {
    private Map<String, Object> nextQuery = firstQuery;
    private Iterator<T> current = List.<T>of().iterator();
    private final List<Map<String, Object>> fetched = new java.util.ArrayList<>();
    private final PageStyle walk = style.start();

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && nextQuery != null) {
        Map<String, Object> query = nextQuery;
        Object page = fetch.apply(query);
        fetched.add(query);
        List<T> pageItems = page == null ? List.of() : items.apply(page);
        pageItems = pageItems == null ? List.of() : pageItems;
        nextQuery = pageItems.isEmpty() && !walk.followsEmptyPages()
            ? null : walk.next(query, page, pageItems, fetched).orElse(null);
        current = pageItems.iterator();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
