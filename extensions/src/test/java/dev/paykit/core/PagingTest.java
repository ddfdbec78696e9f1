package dev.paykit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.core.internal.Paging;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.Parameter;

/** The links paging style and per-attempt derived headers, on the wire. */
class PagingTest {

  private static ClientAndServer server;

  @BeforeAll
  static void start() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void followsNextLinksOnTheSameHostAcceptingEitherItemsKey() {
    server.reset();
    server.when(request().withPath("/entries").withQueryStringParameter(Parameter.param("page", "2")))
        .respond(response().withHeader("Content-Type", "application/json")
            .withBody("{\"data\":[\"c\"],\"_links\":[{\"rel\":\"prev\",\"href\":\"https://x/entries?page=1\"}]}"));
    server.when(request().withPath("/entries"))
        .respond(response().withHeader("Content-Type", "application/json")
            .withBody("{\"responseData\":[\"a\",\"b\"],\"_links\":[{\"rel\":\"self\",\"href\":\"https://x/entries?page=1\"},"
                + "{\"rel\":\"next\",\"href\":\"https://elsewhere.example/entries?page=2&limit=2&signature=s%2Fig\"}]}"));
    PipelineFixture fixture = new PipelineFixture();
    ClientRuntime runtime = fixture.runtime("http://127.0.0.1:" + server.getPort(),
        RetryPolicy.builder().sleeper(fixture.sleeper).build());
    TestkitApi api = runtime.api(TestkitApi.class);

    List<String> all = Paging.<TestkitApi.EntriesPage, String>pager(runtime.spec(), runtime.mapper(), "listEntries", Map.of(),
        TestkitApi.EntriesPage.class, q -> api.listEntries(null, q)).stream().toList();

    assertThat(all).containsExactly("a", "b", "c");
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/entries"));
    assertThat(sent).hasSize(2);
    assertThat(sent[0].getFirstQueryStringParameter("limit")).isEqualTo("2");
    assertThat(sent[0].getFirstQueryStringParameter("page")).isEmpty();
    assertThat(sent[1].getFirstQueryStringParameter("page")).isEqualTo("2");
    assertThat(sent[1].getFirstQueryStringParameter("signature")).isEqualTo("s/ig");
    assertThat(sent[1].getHeader("X-Request-Timestamp")).containsExactly("2026-11-21T10:00:00Z");
  }

  private static ClientRuntime runtime() {
    PipelineFixture fixture = new PipelineFixture();
    return fixture.runtime("http://127.0.0.1:" + server.getPort(), RetryPolicy.builder().sleeper(fixture.sleeper).build());
  }

  private static void page(String offset, String body) {
    server.when(request().withPath("/things").withQueryStringParameter(Parameter.param("offset", offset)))
        .respond(response().withHeader("Content-Type", "application/json").withBody(body));
  }

  @Test
  void offsetPagingGoesOnWhenTheServerCapsThePageSizeAndStopsOnAnEmptyPage() {
    server.reset();
    page("0", "{\"data\":[\"a\",\"b\"]}");   // asked for 4, got 2: not the end
    page("2", "{\"data\":[\"c\",\"d\"]}");
    page("4", "{\"data\":[\"e\"]}");
    page("5", "{\"data\":[]}");
    ClientRuntime rt = runtime();
    TestkitApi api = rt.api(TestkitApi.class);

    List<String> all = Paging.<TestkitApi.ThingsPage, String>pager(rt.spec(), rt.mapper(), "listThings", Map.of(),
        TestkitApi.ThingsPage.class, api::listThings).stream().toList();

    assertThat(all).containsExactly("a", "b", "c", "d", "e");
    assertThat(server.retrieveRecordedRequests(request().withPath("/things"))).hasSize(4);
  }

  @Test
  void aNextLinkBackToAPageAlreadyReadEndsTheWalkEvenWithANewSignatureAndEachIterationStartsAfresh() {
    server.reset();
    server.when(request().withPath("/entries").withQueryStringParameter(Parameter.param("page", "2")))
        .respond(response().withHeader("Content-Type", "application/json")
            .withBody("{\"responseData\":[\"b\"],\"_links\":[{\"rel\":\"next\",\"href\":\"https://x/entries?page=1&limit=2&signature=other\"}]}"));
    server.when(request().withPath("/entries"))
        .respond(response().withHeader("Content-Type", "application/json")
            .withBody("{\"responseData\":[\"a\"],\"_links\":[{\"rel\":\"next\",\"href\":\"https://x/entries?page=2&limit=2&signature=ab+cd%2B%3D\"}]}"));
    ClientRuntime rt = runtime();
    TestkitApi api = rt.api(TestkitApi.class);
    var pager = Paging.<TestkitApi.EntriesPage, String>pager(rt.spec(), rt.mapper(), "listEntries",
        Map.of("page", "1"), TestkitApi.EntriesPage.class, q -> api.listEntries(null, q));

    assertThat(pager.stream().toList()).containsExactly("a", "b");
    assertThat(pager.stream().toList()).containsExactly("a", "b");
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/entries"));
    assertThat(sent).hasSize(4);
    assertThat(sent[1].getFirstQueryStringParameter("signature")).isEqualTo("ab+cd+=");
  }
}
