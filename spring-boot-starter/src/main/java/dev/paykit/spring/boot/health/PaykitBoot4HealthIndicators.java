package dev.paykit.spring.boot.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Spring Boot 4.0's health contributor of paykit (Boot 4 moved the health API to
 * {@code org.springframework.boot.health.contributor}): the same {@code paykit} composite as
 * {@link PaykitHealthIndicators}, one indicator per provider of the {@link PaykitCallHistory}
 * ({@code /actuator/health/paykit/promptcash}), with the same statuses and details. Reads the history only.
 */
public final class PaykitBoot4HealthIndicators {

  private PaykitBoot4HealthIndicators() {}

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
    PaykitHealthIndicators.details(s).forEach(b::withDetail);
    return b.build();
  }
}
