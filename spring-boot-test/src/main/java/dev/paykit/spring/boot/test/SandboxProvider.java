package dev.paykit.spring.boot.test;

import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A provider of the sandbox and the starter properties ({@code paykit.<id>.*}) that point its client at
 * the sandbox's simulator.
 */
public enum SandboxProvider {
  /** Prompt.Cash: {@code paykit.promptcash.base-url}, the simulator's secret and public tokens. */
  PROMPTCASH("promptcash", s -> s.promptCash().baseUrl(), Map.of(
      "secret-token", PromptCashSimulator.SECRET_TOKEN,
      "public-token", PromptCashSimulator.PUBLIC_TOKEN)),
  /** Prunny: {@code paykit.prunny.base-url} and the simulator's API key. */
  PRUNNY("prunny", s -> s.prunny().baseUrl(), Map.of(
      "api-key", PrunnySimulator.API_KEY)),
  /** Paypercut: {@code paykit.paypercut.base-url} and the simulator's test secret key. */
  PAYPERCUT("paypercut", s -> s.paypercut().baseUrl(), Map.of(
      "secret-key", PaypercutSimulator.TEST_KEY)),
  /** Prune Payments: {@code paykit.prune.base-url} and the simulator's test API key. */
  PRUNE("prune", s -> s.prune().baseUrl(), Map.of(
      "api-key", PruneSimulator.TEST_KEY)),
  /** PT API: {@code paykit.ptapi.base-url}, both gateway keys and the simulator's login. */
  PTAPI("ptapi", s -> s.ptapi().baseUrl(), Map.of(
      "subscription-key", PtApiSimulator.PRIMARY_KEY,
      "secondary-key", PtApiSimulator.SECONDARY_KEY,
      "login-id", PtApiSimulator.LOGIN_ID,
      "password", PtApiSimulator.PASSWORD));

  private final String id;
  private final Function<PaykitSandbox, String> baseUrl;
  private final Map<String, String> credentials;

  SandboxProvider(String id, Function<PaykitSandbox, String> baseUrl, Map<String, String> credentials) {
    this.id = id;
    this.baseUrl = baseUrl;
    this.credentials = credentials;
  }

  /**
   * The starter's property prefix after {@code paykit.}.
   *
   * @return {@code promptcash}, {@code prunny}, {@code paypercut}, {@code prune} or {@code ptapi}
   */
  public String id() {
    return id;
  }

  /**
   * The properties that point this provider's client at {@code sandbox}: {@code paykit.<id>.base-url} and
   * the simulator's credentials, in a stable order.
   *
   * @param sandbox the started sandbox whose simulator the client is pointed at
   * @return property name to value, base URL first, then the credentials sorted by name
   * @throws IllegalArgumentException if {@code sandbox} is null
   */
  public Map<String, Object> properties(PaykitSandbox sandbox) {
    if (sandbox == null) {
      throw new IllegalArgumentException("sandbox is required");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("paykit." + id + ".base-url", baseUrl.apply(sandbox));
    credentials.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put("paykit." + id + "." + e.getKey(), e.getValue()));
    return out;
  }
}
