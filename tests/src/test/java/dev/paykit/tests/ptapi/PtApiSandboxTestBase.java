package dev.paykit.tests.ptapi;

import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.RetryPolicy;
import dev.paykit.core.testing.MutableClock;
import dev.paykit.core.testing.RecordingSleeper;
import dev.paykit.ptapi.PtApiClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import dev.paykit.tests.support.SandboxTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.model.HttpRequest;

/**
 * The run's sandbox ({@link SandboxTest}), reset before each test; the PT simulator and the client share
 * one pinned clock; the client has the sandbox's primary and secondary keys and its login, retries
 * without jitter and never sleeps.
 */
@SandboxTest(clock = SandboxTest.DEFAULT_CLOCK)
abstract class PtApiSandboxTestBase {

  static final ObjectMapper JSON = new ObjectMapper();

  PaykitSandbox sandbox;
  PtApiSimulator sim;
  MutableClock clock;
  RecordingSleeper sleeper;
  PtApiClient client;

  @BeforeEach
  void connect(PaykitSandbox sandbox, PtApiSimulator sim, MutableClock clock, RecordingSleeper sleeper) {
    this.sandbox = sandbox;
    this.sim = sim;
    this.clock = clock;
    this.sleeper = sleeper;
    sim.clock(clock);
    client = clientBuilder().build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  PtApiClient.Builder clientBuilder() {
    return PtApiClient.builder()
        .baseUrl(sim.baseUrl())
        .subscriptionKey(PtApiSimulator.PRIMARY_KEY)
        .secondaryKey(PtApiSimulator.SECONDARY_KEY)
        .loginId(PtApiSimulator.LOGIN_ID)
        .password(PtApiSimulator.PASSWORD)
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().sleeper(sleeper).random(() -> 0.0).build());
  }

  /** Requests that reached the sandbox for this operation path (below /ptapi), in order. */
  HttpRequest[] sent(String path) {
    return sandbox.mockServer().retrieveRecordedRequests(request().withPath(PtApiSimulator.PATH_PREFIX + path));
  }

  static JsonNode body(HttpRequest r) {
    try {
      return JSON.readTree(r.getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String LOGIN = "/_ah/api/userendpoint/v1/login";
  static final String LOGOUT = "/_ah/api/userendpoint/v1/logout";
  static final String BUSINESSES = "/_ah/api/customerendpoint/v1/getCustomerListByParent";
  static final String LOAD = "/_ah/api/cardendpoint/v1/loadCard";
}
