package dev.paykit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.sandbox.paypercut.PaypercutSimulator;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.sandbox.ptapi.PtApiSimulator;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.client.MockServerClient;

/** The sandbox knows its simulators through the Simulator contract only. */
class SandboxRegistrationTest {
  private static PaykitSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** A simulator that is never registered, with a prefix of one's choice. */
  private record Stub(String pathPrefix) implements Simulator {
    @Override
    public String name() {
      return "Stub " + pathPrefix;
    }

    @Override
    public String description() {
      return "nothing";
    }

    @Override
    public String baseUrl() {
      return "http://127.0.0.1:1" + pathPrefix;
    }

    @Override
    public void mount(MockServerClient mockServer) {}

    @Override
    public void reset() {}

    @Override
    public List<String> bannerLines() {
      return List.of();
    }
  }

  @Test
  void everyProviderIsRegisteredOnceInOrderAndFoundByType() {
    assertThat(sandbox.simulators()).extracting(Simulator::name)
        .containsExactly("Prompt.Cash", "Prunny", "Prune", "Paypercut", "PT API");
    assertThat(sandbox.simulator(PromptCashSimulator.class)).isSameAs(sandbox.promptCash());
    assertThat(sandbox.simulator(PrunnySimulator.class)).isSameAs(sandbox.prunny());
    assertThat(sandbox.simulator(PruneSimulator.class)).isSameAs(sandbox.prune());
    assertThat(sandbox.simulator(PaypercutSimulator.class)).isSameAs(sandbox.paypercut());
    assertThat(sandbox.simulator(PtApiSimulator.class)).isSameAs(sandbox.ptapi());
    assertThat(sandbox.simulators()).extracting(Simulator::baseUrl)
        .containsExactly(sandbox.promptCash().baseUrl(), sandbox.prunny().baseUrl(), sandbox.prune().baseUrl(),
            sandbox.paypercut().baseUrl(), sandbox.ptapi().baseUrl());
    assertThatThrownBy(() -> sandbox.simulator(Stub.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Stub");
  }

  @Test
  void baseUrlIsTheOriginFollowedByThePathPrefix() {
    for (Simulator simulator : sandbox.simulators()) {
      assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + simulator.pathPrefix());
    }
  }

  @Test
  void bannerLinesShareOneLabelColumn() {
    for (Simulator simulator : sandbox.simulators()) {
      assertThat(simulator.description()).isNotBlank().doesNotContain("\n");
      assertThat(simulator.bannerLines()).isNotEmpty().allSatisfy(line ->
          assertThat(line.indexOf(": ")).isEqualTo(Simulator.BANNER_LABEL_WIDTH));
    }
  }

  @Test
  void aPathPrefixMustBeWellFormedAndOwnedByOneSimulator() {
    List<Simulator> registered = List.of(new Stub("/prunny"), new Stub("/promptcash/api/v1"));

    PaykitSandbox.checkPrefix(new Stub("/prune"), registered);
    PaykitSandbox.checkPrefix(new Stub("/promptcash/api/v2"), registered);
    for (String overlapping : List.of("/prunny", "/prunny/v2", "/promptcash", "/promptcash/api/v1/x")) {
      assertThatThrownBy(() -> PaykitSandbox.checkPrefix(new Stub(overlapping), registered))
          .as(overlapping).isInstanceOf(IllegalStateException.class).hasMessageContaining("overlaps");
    }
    for (String malformed : List.of("", "/", "prunny", "/prunny/", "/pr.nny", "/a//b")) {
      assertThatThrownBy(() -> PaykitSandbox.checkPrefix(new Stub(malformed), List.of()))
          .as(malformed).isInstanceOf(IllegalStateException.class).hasMessageContaining("malformed");
    }
  }
}
