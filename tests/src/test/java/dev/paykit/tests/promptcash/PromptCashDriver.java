package dev.paykit.tests.promptcash;

import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PromptCashClient;
import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.tests.faults.FaultInjectionProxy;
import dev.paykit.tests.faults.ProviderDriver;
import dev.paykit.tests.faults.ProxiedRequest;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Prompt.Cash: {@code payments().create} with a unique {@code tx_id} per call (naturally idempotent by
 * it); after an unknown outcome the same request, same {@code tx_id}, is sent again. Booked = the
 * simulator stores a payment under the tx_id.
 */
public final class PromptCashDriver implements ProviderDriver {

  private PromptCashSimulator sim;
  private PromptCashClient client;

  @Override
  public String provider() {
    return "promptcash";
  }

  @Override
  public String pathPrefix() {
    return PromptCashSimulator.PATH_PREFIX;
  }

  @Override
  public void prepare(PaykitSandbox sandbox, Clock clock) {
    sim = sandbox.promptCash();
    sim.clock(clock);
  }

  @Override
  public void connect(String baseUrl, ClientSettings settings) {
    client = PromptCashClient.builder()
        .publicToken(PromptCashSimulator.PUBLIC_TOKEN)
        .secretToken(PromptCashSimulator.SECRET_TOKEN)
        .baseUrl(baseUrl)
        .clock(settings.clock())
        .retryPolicy(settings.retryPolicy())
        .httpOptions(settings.httpOptions())
        .build();
  }

  @Override
  public String errorBody(int status) {
    return "{\"error\":\"service unavailable (HTTP " + status + ", injected by the fault proxy)\"}";
  }

  @Override
  public String referenceOf(ProxiedRequest request) {
    for (String pair : request.bodyText().split("&")) {
      if (pair.startsWith("tx_id=")) {
        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    return request.method() + " " + request.path();
  }

  @Override
  public String reference(int i) {
    return "fi-order-" + i;
  }

  private CreatePaymentRequest request(int i) {
    BigDecimal amount = BigDecimal.valueOf(100 + i % 9_900, 2); // 1.00 .. 99.99
    return CreatePaymentRequest.builder(reference(i), amount, "USD").description("fault injection " + i).build();
  }

  @Override
  public Object call(int i) {
    return client.payments().create(request(i));
  }

  @Override
  public Optional<String> whyNotResubmittable(int i, PaykitException unknown) {
    return Optional.empty(); // the tx_id is the caller's own: it can always be sent again
  }

  @Override
  public Object resubmit(int i, PaykitException unknown) {
    return client.payments().create(request(i)); // same tx_id
  }

  @Override
  public Optional<String> unknownProblem(int i, OutcomeUnknownException unknown,
      List<FaultInjectionProxy.Exchange> attempts) {
    return reference(i).equals(unknown.reference()) ? Optional.empty()
        : Optional.of("reference() is " + unknown.reference() + ", not the tx_id " + reference(i));
  }

  @Override
  public int bookedCount(String reference) {
    return sim.payment(reference).isPresent() ? 1 : 0;
  }

  @Override
  public int totalBookings() {
    return sim.paymentCount();
  }

  @Override
  public List<String> ledgerProblems() {
    return List.of();
  }
}
