package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.ptapi.CardholderSearch;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.model.Cardholder;
import dev.paykit.tests.support.RawServer;
import dev.paykit.tests.support.RawServer.Reply;
import dev.paykit.tests.support.ScriptedServer;
import dev.paykit.tests.support.ScriptedServerExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Auto-paging by {@code limit}/{@code offset} against a server that ignores the offset: the walk stops with
 * a typed unusable answer after the first page, instead of handing the same cardholders out forever.
 */
@ExtendWith(ScriptedServerExtension.class)
class PtApiOffsetPagingTest {

  static final String SESSION = "{\"sessionId\":\"S-page-1\",\"customerId\":\"100001\"}";
  static final String PAGE = "{\"cardholders\":[{\"cardholderId\":\"400001\",\"status\":\"active\"},"
      + "{\"cardholderId\":\"400002\",\"status\":\"active\"}],\"total\":2}";

  private RawServer server;
  private PtApiClient client;

  @BeforeEach
  void connect(ScriptedServer scripted) {
    server = scripted.raw();
    client = PtApiClient.builder().baseUrl(server.baseUrl()).subscriptionKey("page-key-1")
        .loginId("page-user").password("page-password-1")
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build()).build();
  }

  @AfterEach
  void close() {
    server.otherwise(Reply.full(204, "application/json", ""));
    client.close();
  }

  @Test
  void aServerThatIgnoresTheOffsetEndsTheWalkWithAnUnusableAnswerNotEndlessDuplicates() {
    server.then(Reply.json(200, SESSION), Reply.json(200, PAGE), Reply.json(200, PAGE), Reply.json(200, PAGE));

    List<String> seen = new ArrayList<>();
    RuntimeException failure = null;
    Iterator<Cardholder> it = client.forBusiness("200001").cardholders()
        .searchAll(CardholderSearch.builder().limit(2).build()).iterator();
    try {
      while (it.hasNext() && seen.size() < 10) {
        seen.add(it.next().getCardholderId());
      }
    } catch (RuntimeException e) {
      failure = e;
    }

    assertThat(seen).containsExactly("400001", "400002");
    assertThat(failure).isInstanceOf(UnexpectedResponseException.class);
    assertThat(((UnexpectedResponseException) failure).providerMessage().orElseThrow()).isEqualTo(
        "the page at offset 2 repeats the items of a page already read (the provider ignores the paging"
            + " parameter), so the rest of the list cannot be read");
    List<String> targets = server.requests().stream().map(RawServer.Request::target)
        .filter(t -> t.contains("/searchCardholders")).toList();
    assertThat(targets).hasSize(2);
    assertThat(targets.get(0)).contains("offset=0").contains("limit=2");
    assertThat(targets.get(1)).contains("offset=2").contains("limit=2");
  }
}
