package dev.paykit.tests.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures a provider's wire log (logger {@code dev.paykit.wire.<provider>}) during each test and shows
 * it to the test; a client logs there when built with {@code wireLogging(true)}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final WireLog wireLog = new WireLog("prunny");
 *
 * @Test
 * void theKeyIsRedacted() {
 *   PrunnyClient logging = clientBuilder().wireLogging(true).build();
 *   logging.accounts().balance("0123456789");
 *   assertThat(wireLog.text()).contains("Authorization: [REDACTED]");
 * }
 * }</pre>
 *
 * <p>Before each test the logger is set to DEBUG and captured only (not passed on to the console, so a
 * run stays quiet even for 64 KiB bodies); after it, its level and additivity are what they were and the
 * capture stops. Each test sees only its own lines.
 */
public final class WireLog implements BeforeEachCallback, AfterEachCallback {

  /** The parent of every provider's wire logger. */
  public static final String LOGGER_PREFIX = "dev.paykit.wire.";

  private final Logger logger;
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Level savedLevel;
  private boolean savedAdditive;

  /** @param provider the provider's id as in its client ({@code promptcash}, {@code prunny}, ...) */
  public WireLog(String provider) {
    this.logger = (Logger) LoggerFactory.getLogger(LOGGER_PREFIX + Objects.requireNonNull(provider, "provider"));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    savedLevel = logger.getLevel();
    savedAdditive = logger.isAdditive();
    captured.list.clear();
    captured.start();
    logger.addAppender(captured);
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.detachAppender(captured);
    captured.stop();
    logger.setLevel(savedLevel);
    logger.setAdditive(savedAdditive);
  }

  /** Every line logged so far in this test, joined by {@code \n}. */
  public String text() {
    return String.join("\n", lines());
  }

  /** Every line logged so far in this test, in order. */
  public List<String> lines() {
    return captured.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }

  /** Whether nothing was logged in this test. */
  public boolean isEmpty() {
    return captured.list.isEmpty();
  }
}
