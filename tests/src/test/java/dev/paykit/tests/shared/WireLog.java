package dev.paykit.tests.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures a provider's wire log ({@code dev.paykit.wire.<provider>} at DEBUG) during each test:
 * {@code @RegisterExtension final WireLog wireLog = new WireLog("prunny");}.
 */
public final class WireLog implements BeforeEachCallback, AfterEachCallback {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

  public WireLog(String provider) {
    this.logger = (Logger) LoggerFactory.getLogger("dev.paykit.wire." + provider);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    captured.list.clear();
    captured.start();
    logger.addAppender(captured);
    logger.setLevel(Level.DEBUG);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.detachAppender(captured);
    logger.setLevel(null);
  }

  /** Every line logged so far in this test. */
  public String text() {
    return captured.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
  }

  public boolean isEmpty() {
    return captured.list.isEmpty();
  }
}
