package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.ptapi.CardSearch;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.Card;
import dev.paykit.ptapi.model.CardPage;
import dev.paykit.ptapi.model.CustomerList;
import dev.paykit.ptapi.model.LoadHistory;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 204 and 304 as they come from a byte-level server: a 204 to a list read is an empty result (and ends an
 * auto-paged walk), a 204 where the spec lists none is a clear failure; a 304 is the cached answer of the
 * ETag the request named (sent exactly as received), and a 304 to a request that named none is a clear
 * paykit failure, never an empty result or a {@code NullPointerException}.
 */
@ExtendWith(ScriptedServerExtension.class)
class PtApiNoContentAndNotModifiedTest {

  static final String SESSION = "{\"sessionId\":\"S-nc-1\",\"customerId\":\"100001\"}";
  static final String BUSINESSES = "{\"customers\":[{\"customerId\":\"200001\",\"name\":\"Acme\"}]}";

  private RawServer server;
  private PtApiClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PtApiClient.builder().baseUrl(server.baseUrl()).subscriptionKey("nc-key-1")
        .loginId("nc-user").password("nc-password-1")
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  private static Reply withETag(int status, String etag, String body) {
    return Reply.full(status, Map.of("Content-Type", "application/json", "ETag", etag),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a204ToASearchIsAnEmptyPage() {
    server.then(Reply.json(200, SESSION), Reply.full(204, "application/json", ""));

    CardPage page = client.cards().search(CardSearch.builder().customerId("200001").build());

    assertThat(page.getCards()).isEmpty();
    assertThat(page.getTotal()).isNull();
  }

  @Test
  void a204ToTheBusinessesListAndTheLoadHistoryIsAnEmptyList() {
    server.then(Reply.json(200, SESSION), Reply.full(204, "application/json", ""),
        Reply.full(204, "application/json", ""));

    CustomerList businesses = client.hierarchy().businesses();
    LoadHistory history = client.cards().loadHistory("PK1", null, null);

    assertThat(businesses.getCustomers()).isEmpty();
    assertThat(history.getTransactions()).isEmpty();
  }

  @Test
  void a204EndsAnAutoPagedWalk() {
    server.then(Reply.json(200, SESSION),
        Reply.json(200, "{\"cards\":[{\"proxyKey\":\"PK1\",\"status\":\"active\"},"
            + "{\"proxyKey\":\"PK2\",\"status\":\"active\"}],\"total\":2}"),
        Reply.full(204, "application/json", ""));

    List<Card> all = client.cards().searchAll(CardSearch.builder().customerId("200001").limit(2).build())
        .stream().toList();

    assertThat(all).extracting(Card::getProxyKey).containsExactly("PK1", "PK2");
    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests().get(1).target()).contains("offset=0").contains("limit=2");
    assertThat(server.requests().get(2).target()).contains("offset=2").contains("limit=2");
  }

  @Test
  void a204WhereTheSpecListsNoneIsAClearFailure() {
    server.then(Reply.json(200, SESSION)).otherwise(Reply.full(204, "application/json", ""));

    assertThatThrownBy(() -> client.cardholders().get("400001"))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("HTTP 204 is not an answer the spec lists");
  }

  @Test
  void a304IsTheCachedAnswerOfTheETagSentExactlyAsReceived() {
    server.then(Reply.json(200, SESSION), withETag(200, "W/\"v-1\"", BUSINESSES), withETag(304, "W/\"v-1\"", ""));

    CustomerList first = client.hierarchy().businesses();
    CustomerList second = client.hierarchy().businesses();

    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(second.getCustomers()).extracting("name").containsExactly("Acme");
    assertThat(server.requests().get(1).headerValues("If-None-Match")).isEmpty();
    assertThat(server.requests().get(2).headerValues("If-None-Match")).containsExactly("W/\"v-1\"");
  }

  @Test
  void a304ToARequestThatNamedNoETagIsAClearFailureNotAnEmptyResult() {
    server.then(Reply.json(200, SESSION)).otherwise(Reply.full(304, "application/json", ""));

    assertThatThrownBy(() -> client.hierarchy().businesses())
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("304 Not Modified but this request named no cached answer");
    // an unusable answer to a read is retried like any other (a full answer would end it); none named an ETag
    assertThat(server.requests()).hasSizeGreaterThan(2);
    assertThat(server.requests().subList(1, server.requests().size()))
        .allSatisfy(r -> assertThat(r.headerValues("If-None-Match")).isEmpty());
  }

  @Test
  void anAnswerCutShortIsNeverCachedSoNo304CanServeIt() {
    server.then(Reply.json(200, SESSION),
        Reply.truncated(200, Map.of("Content-Type", "application/json", "ETag", "\"t-1\""), BUSINESSES),
        withETag(200, "\"t-1\"", BUSINESSES), withETag(304, "\"t-1\"", ""));

    CustomerList first = client.hierarchy().businesses();   // the cut answer is retried (a read)
    CustomerList second = client.hierarchy().businesses();

    assertThat(second).isEqualTo(first);
    assertThat(first.getCustomers()).extracting("name").containsExactly("Acme");
    assertThat(server.requests().get(2).headerValues("If-None-Match")).isEmpty(); // the cut answer was not kept
    assertThat(server.requests().get(3).headerValues("If-None-Match")).containsExactly("\"t-1\"");
  }

  @Test
  void aReadAnsweredWithoutAnETagIsNotCached() {
    server.then(Reply.json(200, SESSION), Reply.json(200, BUSINESSES), Reply.json(200, BUSINESSES));

    client.hierarchy().businesses();
    client.hierarchy().businesses();

    assertThat(server.requests().get(2).headerValues("If-None-Match")).isEmpty();
  }
}
