package dev.paykit.spring.boot.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Spring Boot 3.5's health contributor of paykit: {@code paykit}, with one indicator per provider kept by
 * the {@link PaykitCallHistory} ({@code /actuator/health/paykit/promptcash}). Reads the history only.
 */
public final class PaykitHealthIndicators {

  private PaykitHealthIndicators() {}

  /**
   * One indicator per provider of the history.
   *
   * @param history the call history the indicators read
   * @return the {@code paykit} composite, one indicator per provider, in the history's order
   */
  public static CompositeHealthContributor of(PaykitCallHistory history) {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    for (String provider : history.providers()) {
      indicators.put(provider, () -> health(history.snapshot(provider)));
    }
    return CompositeHealthContributor.fromMap(indicators);
  }

  static Health health(PaykitCallHistory.Snapshot s) {
    Health.Builder b = switch (s.state()) {
      case UP -> Health.up();
      case DOWN -> Health.down();
      case UNKNOWN -> Health.unknown();
    };
    details(s).forEach(b::withDetail);
    return b.build();
  }

  /** The details of a provider's health, in order; shared by the Boot 3.5 and 4.0 contributors. */
  static Map<String, Object> details(PaykitCallHistory.Snapshot s) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("basis", "outcomes of this client's recent calls; nothing is sent to check health");
    d.put("failuresInARow", s.failuresInARow());
    d.put("failureThreshold", s.failureThreshold());
    if (s.lastOutcome() != null) {
      d.put("lastOutcome", s.lastOutcome().name());
      d.put("lastStatus", s.lastStatus() > 0 ? Integer.toString(s.lastStatus()) : "NONE");
      d.put("lastCallAt", s.lastCallAt().toString());
    }
    return d;
  }
}
