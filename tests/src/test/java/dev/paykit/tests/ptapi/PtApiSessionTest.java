package dev.paykit.tests.ptapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.ptapi.PtApiClient;
import dev.paykit.ptapi.PtApiGatewayKeyException;
import dev.paykit.ptapi.PtApiInvalidLoginException;
import dev.paykit.ptapi.model.Customer;
import dev.paykit.ptapi.model.CustomerList;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** Sessions and keys: a lazy login, one re-login on expiry (also under concurrency), logout, key fallback. */
class PtApiSessionTest extends PtApiSandboxTestBase {

  @Test
  void logsInLazilyOnceAndCarriesTheSessionInTheBody() {
    assertThat(sim.loginCount()).isZero();

    CustomerList first = client.hierarchy().businesses();
    client.hierarchy().businesses();

    assertThat(first.getCustomers()).extracting(Customer::getCustomerId)
        .containsExactlyInAnyOrder(PtApiSimulator.BUSINESS_REWARDS, PtApiSimulator.BUSINESS_PAYROLL);
    assertThat(sim.loginCount()).isEqualTo(1);
    HttpRequest[] logins = sent(LOGIN);
    assertThat(logins).hasSize(1);
    assertThat(body(logins[0]).toString()).isEqualTo(
        "{\"loginID\":\"" + PtApiSimulator.LOGIN_ID + "\",\"password\":\"" + PtApiSimulator.PASSWORD + "\"}");
    HttpRequest[] calls = sent(BUSINESSES);
    assertThat(calls).hasSize(2);
    for (HttpRequest call : calls) {
      assertThat(call.getFirstHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER)).isEqualTo(PtApiSimulator.PRIMARY_KEY);
      assertThat(body(call).path("parentId").asText()).isEqualTo(PtApiSimulator.PARENT_ID);
      assertThat(body(call).path("sessionId").asText()).isNotBlank();
    }
    assertThat(body(calls[0]).path("sessionId")).isEqualTo(body(calls[1]).path("sessionId"));
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallRepeated() {
    client.hierarchy().businesses();
    assertThat(sim.expireSessions()).isEqualTo(1);

    CustomerList again = client.hierarchy().businesses();

    assertThat(again.getCustomers()).hasSize(2);
    assertThat(sim.loginCount()).isEqualTo(2);
    HttpRequest[] calls = sent(BUSINESSES);
    assertThat(calls).hasSize(3); // before, refused with 401001, repeated
    assertThat(body(calls[1]).path("sessionId")).isEqualTo(body(calls[0]).path("sessionId"));
    assertThat(body(calls[2]).path("sessionId")).isNotEqualTo(body(calls[1]).path("sessionId"));
  }

  @Test
  void concurrentCallersOnAnExpiredSessionShareOneLogin() throws Exception {
    client.hierarchy().businesses();
    sim.expireSessions();
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch ready = new CountDownLatch(callers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<CustomerList>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return client.hierarchy().businesses();
        }));
      }
      ready.await();
      go.countDown();
      for (Future<CustomerList> r : results) {
        assertThat(r.get(30, TimeUnit.SECONDS).getCustomers()).hasSize(2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sim.loginCount()).isEqualTo(2);
    assertThat(sent(LOGIN)).hasSize(2);
  }

  @Test
  void closeLogsOutWithTheSession() {
    client.hierarchy().businesses();
    String session = body(sent(BUSINESSES)[0]).path("sessionId").asText();

    client.close();

    HttpRequest[] logouts = sent(LOGOUT);
    assertThat(logouts).hasSize(1);
    assertThat(body(logouts[0]).toString()).isEqualTo("{\"sessionId\":\"" + session + "\"}");
    client.hierarchy().businesses(); // a closed client logs in again when used
    assertThat(sim.loginCount()).isEqualTo(2);
  }

  @Test
  void aLogoutRefusedByTheGatewayIsRepeatedWithTheSecondaryKey() {
    client.hierarchy().businesses();
    sim.revokePrimaryKey();

    client.close();

    assertThat(sent(LOGOUT)).extracting(r -> r.getFirstHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER))
        .containsExactly(PtApiSimulator.PRIMARY_KEY, PtApiSimulator.SECONDARY_KEY);
    assertThat(body(sent(LOGOUT)[1]).path("sessionId")).isEqualTo(body(sent(BUSINESSES)[0]).path("sessionId"));
  }

  @Test
  void closingAClientThatNeverLoggedInSendsNothing() {
    client.close();

    assertThat(sent(LOGOUT)).isEmpty();
    assertThat(sim.loginCount()).isZero();
  }

  @Test
  void aRejectedPrimaryKeyFallsBackToTheSecondary() {
    sim.revokePrimaryKey();

    client.hierarchy().businesses();
    client.hierarchy().businesses();

    HttpRequest[] logins = sent(LOGIN);
    assertThat(logins).extracting(r -> r.getFirstHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER))
        .containsExactly(PtApiSimulator.PRIMARY_KEY, PtApiSimulator.SECONDARY_KEY);
    assertThat(sent(BUSINESSES)).extracting(r -> r.getFirstHeader(PtApiSimulator.SUBSCRIPTION_KEY_HEADER))
        .containsExactly(PtApiSimulator.SECONDARY_KEY, PtApiSimulator.SECONDARY_KEY);
  }

  @Test
  void withoutASecondaryKeyTheGatewaysRefusalIsTyped() {
    sim.revokePrimaryKey();
    try (PtApiClient primaryOnly = clientBuilder().secondaryKey(null).build()) {
      assertThatThrownBy(() -> primaryOnly.hierarchy().businesses())
          .isInstanceOf(PtApiGatewayKeyException.class)
          .satisfies(e -> assertThat(((PtApiGatewayKeyException) e).ptCode()).isZero())
          .satisfies(e -> assertThat(((PtApiGatewayKeyException) e).httpStatus()).isEqualTo(401))
          .hasMessageNotContaining(PtApiSimulator.PRIMARY_KEY);
    }
    assertThat(sim.loginCount()).isZero();
  }

  @Test
  void aWrongPasswordIsInvalidLoginNeverShowingThePassword() {
    try (PtApiClient wrong = clientBuilder().password("not-the-password-9").build()) {
      assertThatThrownBy(() -> wrong.hierarchy().businesses())
          .isInstanceOf(PtApiInvalidLoginException.class)
          .satisfies(e -> assertThat(((PtApiInvalidLoginException) e).ptCode()).isEqualTo(401002))
          .hasMessageNotContaining("not-the-password-9");
      assertThat(wrong.toString()).doesNotContain("not-the-password-9", PtApiSimulator.PRIMARY_KEY);
    }
    assertThat(sent(LOGIN)).hasSize(1); // a refused login is not repeated
  }

  @Test
  void theBuilderNamesEveryMissingSettingAndHasNoDefaultHost() {
    assertThatThrownBy(() -> PtApiClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("baseUrl", "subscriptionKey", "loginId", "password");
    PtApiClient.Builder b = clientBuilder();
    assertThat(b.toString()).doesNotContain(PtApiSimulator.PASSWORD, PtApiSimulator.PRIMARY_KEY,
        PtApiSimulator.SECONDARY_KEY);
  }
}
