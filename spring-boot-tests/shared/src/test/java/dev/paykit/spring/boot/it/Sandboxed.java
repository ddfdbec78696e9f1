package dev.paykit.spring.boot.it;

import static org.mockserver.model.HttpRequest.request;

import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox of the test slice (reset by the slice before each test), its clock pinned, signatures enforced. */
abstract class Sandboxed {

  @Autowired PaykitSandbox sandbox;

  @BeforeEach
  void pinTheSandbox() {
    Clock pinned = Clock.fixed(PaykitTestApplication.PINNED, ZoneOffset.UTC);
    sandbox.promptCash().clock(pinned).enforceSignatures(true);
    sandbox.prunny().clock(pinned);
  }

  HttpRequest[] sent(String pathUnderPrefix) {
    return sandbox.mockServer().retrieveRecordedRequests(request().withPath(pathUnderPrefix));
  }

  HttpRequest[] sentToPromptCash(String path) {
    return sent(PromptCashSimulator.PATH_PREFIX + path);
  }
}
