package dev.paykit.core.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An instant at millisecond precision in UTC, written exactly as
 * {@code DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS))} writes it
 * ({@code 2025-11-21T10:00:00Z}, {@code 2025-11-21T10:00:00.120Z}: no fraction when the milliseconds are
 * zero, else three digits), without the formatter's per-call parsing machinery: a request timestamp is
 * written on every attempt. Years outside 0000-9999 go to the formatter. Stateless.
 */
public final class IsoTimestamp {

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range written here. */
  private static final long FIRST = -62_167_219_200L;
  private static final long LAST = 253_402_300_799L;

  private IsoTimestamp() {}

  /** The instant, truncated to milliseconds, as ISO-8601 in UTC. */
  public static String millis(Instant instant) {
    Instant t = instant.truncatedTo(ChronoUnit.MILLIS);
    if (t.getEpochSecond() < FIRST || t.getEpochSecond() > LAST) {
      return DateTimeFormatter.ISO_INSTANT.format(t);
    }
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = d.getYear();
    int ms = t.getNano() / 1_000_000;
    char[] c = new char[ms == 0 ? 20 : 24];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, d.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, d.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, d.getHour(), 2);
    c[13] = ':';
    digits(c, 14, d.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, d.getSecond(), 2);
    int end = 19;
    if (ms != 0) {
      c[19] = '.';
      digits(c, 20, ms, 3);
      end = 23;
    }
    c[end] = 'Z';
    return new String(c);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
