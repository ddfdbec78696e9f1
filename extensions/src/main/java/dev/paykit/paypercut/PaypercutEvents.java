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

  public Event retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  public Event retrieve(String id, RequestOptions options) {
    Calls.require(id, "id", "getEvent");
    return Calls.run("getEvent", options, () -> api.getEvent(id));
  }

  public EventList list(ListParams.Events params) {
    return list(params, RequestOptions.none());
  }

  public EventList list(ListParams.Events params, RequestOptions options) {
    Calls.require(params, "params", "listEvents");
    Map<String, Object> q = params.toQuery();
    return Calls.run("listEvents", options, () -> fetch(q));
  }

  public AutoPager<Event> listAutoPaging(ListParams.Events params) {
    return listAutoPaging(params, RequestOptions.none());
  }

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
