package dev.paykit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpResponse;

/** The provider-neutral pieces the simulators are built from. */
class SharedMachineryTest {
  private static final IdempotencyStore.Fingerprint ONE =
      new IdempotencyStore.Fingerprint("POST /pay", TextNode.valueOf("{\"amount\":1}"));
  private static final IdempotencyStore.Fingerprint OTHER =
      new IdempotencyStore.Fingerprint("POST /pay", TextNode.valueOf("{\"amount\":2}"));

  private static HttpResponse answer(int status, String body) {
    return HttpResponse.response().withStatusCode(status).withBody(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void idempotencyRunsOnceSavesTheAnswerAndTellsReplaysFromOtherRequests() {
    IdempotencyStore store = new IdempotencyStore();
    AtomicInteger runs = new AtomicInteger();

    HttpResponse first = store.run("k", ONE, () -> answer(201, "created " + runs.incrementAndGet()),
        r -> true, claim -> { throw new AssertionError("fresh key: " + claim); });
    IdempotencyStore.Claim again = store.claim("k", ONE);
    IdempotencyStore.Claim different = store.claim("k", OTHER);

    assertThat(first.getStatusCode()).isEqualTo(201);
    assertThat(runs).hasValue(1);
    assertThat(again).isInstanceOfSatisfying(IdempotencyStore.Replay.class, replay -> {
      assertThat(replay.saved().status()).isEqualTo(201);
      assertThat(new String(replay.saved().bodyCopy(), StandardCharsets.UTF_8)).isEqualTo("created 1");
    });
    assertThat(different).isInstanceOfSatisfying(IdempotencyStore.Mismatch.class,
        mismatch -> assertThat(mismatch.first()).isEqualTo(ONE));
  }

  @Test
  void aKeyInUseIsBusyAndAnAnswerNotKeptOrAFailedHandlerFreesIt() {
    IdempotencyStore store = new IdempotencyStore();

    assertThat(store.claim("k", ONE)).isInstanceOf(IdempotencyStore.Fresh.class);
    assertThat(store.claim("k", ONE)).as("first still executing").isInstanceOf(IdempotencyStore.Busy.class);
    store.release("k");

    store.run("k", ONE, () -> answer(400, "invalid"), r -> r.getStatusCode() != 400, claim -> null);
    assertThat(store.claim("k", OTHER)).as("a 400 not kept").isInstanceOf(IdempotencyStore.Fresh.class);
    store.release("k");

    assertThatThrownBy(() -> store.run("k", ONE, () -> { throw new IllegalStateException("bug"); },
        r -> true, claim -> null)).hasMessage("bug");
    assertThat(store.claim("k", ONE)).as("released after a throw").isInstanceOf(IdempotencyStore.Fresh.class);

    store.count("k");
    store.count("k");
    assertThat(store.requests("k")).isEqualTo(2);
    store.clear();
    assertThat(store.requests("k")).isZero();
    assertThat(store.claim("k", OTHER)).isInstanceOf(IdempotencyStore.Fresh.class);
  }

  @Test
  void routesMatchInOrderByMethodAndTemplateWithRawParameters() {
    RouteTable<String> routes = new RouteTable<String>()
        .add("GET", "/v1/accounts/types", "types")
        .add("GET", "/v1/accounts/{accountNumber}", "account")
        .add("PUT", "/v1/mandates/{account}/{mandateId}", "update");

    assertThat(routes.match("GET", "/v1/accounts/types").orElseThrow().route().handler()).isEqualTo("types");
    RouteTable.Match<String> account = routes.match("GET", "/v1/accounts/10%2F1").orElseThrow();
    assertThat(account.route().template()).isEqualTo("/v1/accounts/{accountNumber}");
    assertThat(account.parameters()).containsExactly("10%2F1");
    assertThat(routes.match("PUT", "/v1/mandates/1/M2").orElseThrow().parameters()).containsExactly("1", "M2");
    assertThat(routes.match("GET", "/v1/accounts/1/extra")).isEmpty();
    assertThat(routes.match("POST", "/v1/accounts/1")).isEmpty();
    assertThat(routes.knowsPath("/v1/accounts/1")).as("405, not 404").isTrue();
    assertThat(routes.knowsPath("/v1/other")).isFalse();
    assertThat(routes.routes()).extracting(RouteTable.Route::handler).containsExactly("types", "account", "update");
  }

  @Test
  void segmentsDecodePercentEscapesButKeepPlus() {
    assertThat(Routing.decodeSegment("a%2Fb+c")).isEqualTo("a/b+c");
    assertThatThrownBy(() -> Routing.decodeSegment("%zz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pagingCutsWindowsAndCountsPages() {
    List<Integer> all = List.of(1, 2, 3, 4, 5);

    assertThat(Paging.slice(all, 0, 2)).containsExactly(1, 2);
    assertThat(Paging.slice(all, 4, 2)).containsExactly(5);
    assertThat(Paging.slice(all, 5, 2)).isEmpty();
    assertThat(Paging.slice(all, Integer.MAX_VALUE, 500)).isEmpty();
    assertThat(Paging.slice(all, 1, Integer.MAX_VALUE)).containsExactly(2, 3, 4, 5);
    assertThat(Paging.pageCount(5, 2)).isEqualTo(3);
    assertThat(Paging.pageCount(4, 2)).isEqualTo(2);
    assertThat(Paging.pageCount(0, 10)).isZero();
  }

  @Test
  void sharedHelpersAnswer400sThatEachProviderWritesInItsOwnShape() {
    ApiError error = ApiError.badRequest("missing required field: token");
    ErrorBody shape = (status, message) -> Json.object().put("code", status).put("detail", message);

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.body(shape).toString()).isEqualTo("{\"code\":400,\"detail\":\"missing required field: token\"}");
    ApiError shaped = new ApiError(409, Json.object().put("error", "conflict"));
    assertThat(shaped.body(shape).toString()).as("a body thrown is kept").isEqualTo("{\"error\":\"conflict\"}");
  }
}
