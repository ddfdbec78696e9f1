package dev.paykit.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The wire-log extension captures one test's lines, keeps them off the console, and restores the logger. */
class WireLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(WireLog.LOGGER_PREFIX + "testprovider");

  @Test
  void capturesDuringATestOnlyAndRestoresTheLogger() {
    logger.setLevel(Level.WARN);
    WireLog wireLog = new WireLog("testprovider");
    logger.debug("before the test");

    wireLog.beforeEach(null);
    assertThat(logger.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(logger.isAdditive()).as("captured only").isFalse();
    logger.debug("--> GET /v1/a");
    logger.debug("<-- 200 {}");
    assertThat(wireLog.lines()).containsExactly("--> GET /v1/a", "<-- 200 {}");
    assertThat(wireLog.text()).isEqualTo("--> GET /v1/a\n<-- 200 {}");
    wireLog.afterEach(null);

    assertThat(logger.getLevel()).isEqualTo(Level.WARN);
    assertThat(logger.isAdditive()).isTrue();
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false); // nothing on the console: only whether the capture stopped matters
    logger.debug("after the test");
    logger.setAdditive(true);
    assertThat(wireLog.lines()).hasSize(2);

    wireLog.beforeEach(null);
    assertThat(wireLog.isEmpty()).as("each test sees only its own lines").isTrue();
    wireLog.afterEach(null);
    logger.setLevel(null);
  }
}
