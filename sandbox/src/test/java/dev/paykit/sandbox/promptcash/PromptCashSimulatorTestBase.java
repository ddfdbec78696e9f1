package dev.paykit.sandbox.promptcash;

import dev.paykit.sandbox.PaykitSandbox;
import dev.paykit.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per Prompt.Cash test class (MockServer starts once), reset before each test. */
abstract class PromptCashSimulatorTestBase {

  static PaykitSandbox sandbox;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox = PaykitSandbox.start();
    http = new SandboxHttp(sandbox.promptCash().baseUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void resetSandbox() {
    sandbox.reset();
  }
}
