package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Locale;

/**
 * How the Paypercut simulator writes values (Paypercut API reference, "Conventions"): timestamps as
 * RFC 3339 in UTC to the second, e.g. {@code 2026-11-21T10:00:00Z}; currencies in answers as
 * {@code {iso, scale}} with the code in lower case (as the docs' payment, refund and link examples)
 * and the scale from {@link Currency#getDefaultFractionDigits()} (EUR 2, JPY 0, KWD 3). Stateless.
 */
final class Render {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Render() {}

  /** Every stored time is cut to the second, so that what is written is what is compared. */
  static Instant second(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** {@code time(instant)}, or JSON null. */
  static JsonNode timeOrNull(Instant instant) {
    return instant == null ? Json.object().nullNode() : Json.object().textNode(time(instant));
  }

  /** Digits after the decimal point of {@code iso} (a code already checked by {@link #isChargeable}). */
  static int scale(String iso) {
    return Currency.getInstance(iso.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
  }

  /** An ISO 4217 code that Java knows and that has minor units (not XAU, XXX ...). */
  static boolean isChargeable(String code) {
    try {
      return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code {"iso": "eur", "scale": 2}}. */
  static ObjectNode currency(String iso) {
    return Json.object().put("iso", iso.toLowerCase(Locale.ROOT)).put("scale", scale(iso));
  }

  /** {@code 1050} EUR is {@code "10.50 EUR"}; 1050 JPY is {@code "1050 JPY"} (the sandbox's format). */
  static String formatted(long amount, String iso) {
    return BigDecimal.valueOf(amount, scale(iso)).toPlainString() + " " + iso.toUpperCase(Locale.ROOT);
  }
}
