package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.internal.EtagkitApi.Item;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.testing.LoopbackServer;
import dev.paykit.core.testing.LoopbackServer.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core's conditional reads for any provider (test spec {@code etagkit}), on the wire of a loopback
 * server: {@code If-None-Match} only on reads whose spec lists a 304 and whose answer was cached, a 304
 * served as the cached body decoded afresh, a key that tells apart path, query and scope but leaves out
 * derived body fields, writes and reads without a 304 never cached, off by default.
 */
class ConditionalReadsTest {

  private LoopbackServer server;
  private final AtomicReference<String> session = new AtomicReference<>("s-1");

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LoopbackRuntime runtime(int cacheSize) {
    return new LoopbackRuntime("etagkit", server.baseUrl(), b -> b.etagCacheSize(cacheSize)
        .authenticate(new SpecAuthentication(ApiSpec.load("etagkit"), Map.of("bearer", () -> LoopbackRuntime.API_KEY))
            .andThen(new DerivedValues("session", session::get))));
  }

  private static Reply item(String id, String etag) {
    return Reply.json(200, "{\"id\":\"" + id + "\",\"name\":\"n-" + id + "\"}").header("ETag", etag);
  }

  private static Reply notModified(String etag) {
    return new Reply(304, null, new byte[0]).header("ETag", etag);
  }

  private String ifNoneMatch(int request) {
    return server.requests().get(request).header("If-None-Match");
  }

  @Test
  void aRepeatedReadNamesTheETagAndThe304IsTheCachedBodyDecodedAfresh() {
    EtagkitApi api = runtime(8).api(EtagkitApi.class);
    server.then(item("i1", "\"e1\""), notModified("\"e1\""));

    Item first = api.getItem("i1", "short");
    Item second = api.getItem("i1", "short");

    assertThat(second).isEqualTo(new Item("i1", "n-i1")).isEqualTo(first).isNotSameAs(first);
    assertThat(ifNoneMatch(0)).isNull();
    assertThat(ifNoneMatch(1)).isEqualTo("\"e1\"");
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer " + LoopbackRuntime.API_KEY);
  }

  @Test
  void theKeyTellsApartPathQueryAndScopeAndViewsShareTheCache() {
    LoopbackRuntime rt = runtime(8);
    EtagkitApi plain = rt.api(EtagkitApi.class);
    EtagkitApi acct1 = rt.runtime.withOptions(RequestOptions.builder().scope("acct_1").build()).api(EtagkitApi.class);
    EtagkitApi acct2 = rt.runtime.withOptions(RequestOptions.builder().scope("acct_2").build()).api(EtagkitApi.class);
    EtagkitApi plainView = rt.runtime.withOptions(RequestOptions.builder().build()).api(EtagkitApi.class);
    server.then(item("i1", "\"a\""), item("i1", "\"b\""), item("i2", "\"c\""), item("i1", "\"d\""),
        item("i1", "\"e\""), notModified("\"d\""), notModified("\"a\""));

    plain.getItem("i1", "short");
    plain.getItem("i1", "full");   // another query
    plain.getItem("i2", "short");  // another path
    acct1.getItem("i1", "short");  // another scope
    acct2.getItem("i1", "short");
    acct1.getItem("i1", "short");  // the scope's own entry
    plainView.getItem("i1", "short"); // a view without a scope: the client's entry

    assertThat(List.of(0, 1, 2, 3, 4)).allSatisfy(i -> assertThat(ifNoneMatch(i)).isNull());
    assertThat(server.requests().get(3).header("X-Account")).isEqualTo("acct_1");
    assertThat(ifNoneMatch(5)).isEqualTo("\"d\"");
    assertThat(ifNoneMatch(6)).isEqualTo("\"a\"");
  }

  @Test
  void derivedBodyFieldsAreLeftOutOfTheKeyTheCallersAreNot() {
    EtagkitApi api = runtime(8).api(EtagkitApi.class);
    server.then(Reply.json(200, "{\"items\":[{\"id\":\"i1\"}]}").header("ETag", "\"s\""),
        notModified("\"s\""), Reply.json(200, "{\"items\":[]}").header("ETag", "\"t\""));

    api.searchItems(Map.of("name", "one"));
    session.set("s-2"); // a new session: the same request
    EtagkitApi.Items again = api.searchItems(Map.of("name", "one"));
    api.searchItems(Map.of("name", "two"));

    assertThat(again.items()).containsExactly(new Item("i1", null));
    assertThat(new String(server.requests().get(1).body())).contains("\"session\":\"s-2\"");
    assertThat(ifNoneMatch(1)).isEqualTo("\"s\"");
    assertThat(ifNoneMatch(2)).isNull();
  }

  @Test
  void writesAndReadsWithoutA304InTheSpecAreNeverConditional() {
    EtagkitApi api = runtime(8).api(EtagkitApi.class);
    server.then(Reply.json(200, "{\"items\":[]}").header("ETag", "\"l\""),
        Reply.json(200, "{\"items\":[]}").header("ETag", "\"l\""),
        item("i9", "\"w\""), item("i9", "\"w\""));

    api.listItems();
    api.listItems();
    api.createItem(Map.of("name", "nine"));
    api.createItem(Map.of("name", "nine"));

    assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertThat(r.header("If-None-Match")).isNull());
  }

  @Test
  void offByDefaultAndAtSizeZero() {
    LoopbackRuntime byDefault = new LoopbackRuntime("etagkit", server.baseUrl());
    server.then(item("i1", "\"e1\""), item("i1", "\"e1\""), item("i1", "\"e1\""), item("i1", "\"e1\""));

    byDefault.api(EtagkitApi.class).getItem("i1", "short");
    byDefault.api(EtagkitApi.class).getItem("i1", "short");
    runtime(0).api(EtagkitApi.class).getItem("i1", "short");

    assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("If-None-Match")).isNull());
    assertThatThrownBy(() -> ClientRuntime.builder(ApiSpec.load("etagkit"), PaykitJson.newMapper()).etagCacheSize(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("etagCacheSize");
  }

  @Test
  void a304ThatAnswersNoCachedETagIsAClearFailure() {
    EtagkitApi api = runtime(8).api(EtagkitApi.class);
    server.then(notModified("\"x\""), notModified("\"x\""), notModified("\"x\""), notModified("\"x\""));

    assertThatThrownBy(() -> api.getItem("i1", "short"))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("304 Not Modified but this request named no cached answer");
  }
}
