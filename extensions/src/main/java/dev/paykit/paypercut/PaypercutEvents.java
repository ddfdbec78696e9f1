package dev.paykit.paypercut;

import dev.paykit.core.AutoPager;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import dev.paykit.paypercut.api.EventsApi;
import dev.paykit.paypercut.model.Event;
import dev.paykit.paypercut.model.EventList;
import java.util.Map;

/**
 * Events of the last 30 days: retrieve (private preview) and list. The list's {@code limit}/{@code last_key}
 * are inferred (the docs name no parameter), so they are sent only when set or when auto-paging follows a
 * cursor. Thread-safe.
 */
public final class PaypercutEvents {

  private final ClientRuntime runtime;
  private final EventsApi api;

  PaypercutEvents(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.api(EventsApi.class);
  }

  /**
   * Retrieves the event with this id.
   *
   * @param id the event's id
   * @return the event
   */
  public Event retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  /**
   * Like {@link #retrieve(String)}, with options for this call.
   *
   * @param id the event's id
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the event
   */
  public Event retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getEvent");
    return Calls.run("getEvent", options, () -> api.getEvent(id));
  }

  /**
   * One page of events.
   *
   * @param params the filters, page size and cursor; not null
   * @return one page of events
   */
  public EventList list(ListParams.Events params) {
    return list(params, RequestOptions.none());
  }

  /**
   * Like {@link #list(ListParams.Events)}, with options for this call.
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return one page of events
   */
  public EventList list(ListParams.Events params, RequestOptions options) {
    Calls.require(params, "params", "listEvents");
    Map<String, Object> q = params.toQuery();
    return Calls.run("listEvents", options, () -> fetch(q));
  }

  /**
   * Every event matching {@code params}, fetched page by page as you iterate.
   *
   * @param params the filters, page size and cursor; not null
   * @return the events matching {@code params}, fetched page by page as you iterate
   */
  public AutoPager<Event> listAutoPaging(ListParams.Events params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /**
   * Like {@link #listAutoPaging(ListParams.Events)}, with options for this call.
   *
   * @param params the filters, page size and cursor; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the events matching {@code params}, fetched page by page as you iterate
   */
  public AutoPager<Event> listAutoPaging(ListParams.Events params, RequestOptions options) {
    Calls.require(params, "params", "listEvents");
    Calls.require(options, "options", "listEvents");
    return Paging.pager(runtime.spec(), runtime.mapper(), "listEvents", params.toQuery(), EventList.class,
        q -> Calls.run("listEvents", options, () -> fetch(q)));
  }

  private EventList fetch(Map<String, Object> query) {
    return api.listEvents(Calls.query(new EventsApi.ListEventsQueryParams(), query));
  }
}
