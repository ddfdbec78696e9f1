package dev.paykit.sandbox.prunny;

import dev.paykit.sandbox.Digests;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.mockserver.model.HttpRequest;

/**
 * The checks every Prunny request passes before routing: the Bearer API key (Prunny
 * "Authentication") and the request timestamp (Prunny "Request Timestamp": a request whose timestamp
 * is more than 5 minutes behind the server's clock is not processed; the sandbox refuses one more
 * than 5 minutes ahead too, as a clock that far off would make expiry meaningless). Stateless.
 */
final class Guard {
  /**
   * Date, hours, minutes and seconds are required (docs: "the complete date plus hours, minutes, and
   * seconds"), fractions only to the millisecond (docs: "no more than millisecond precision"), and a
   * zone: {@code Z} (recommended) or an offset.
   */
  private static final Pattern TIMESTAMP = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?(Z|[+-][0-9]{2}:[0-9]{2})");

  private Guard() {}

  /** 401 unless the request carries exactly one {@code Authorization: Bearer <API_KEY>}. */
  static void authorize(HttpRequest request) {
    List<String> values = request.getHeader("Authorization");
    String expected = "Bearer " + PrunnySimulator.API_KEY;
    if (values.size() != 1 || !Digests.constantTimeEquals(expected, schemeNormalised(values.get(0)))) {
      throw Envelope.error(401, Codes.SECURITY_VIOLATION,
          "invalid or missing Authorization header (expected: Bearer <API key>)");
    }
  }

  /** The auth scheme is case-insensitive (RFC 9110), the key is not. */
  private static String schemeNormalised(String value) {
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer " + value.substring(7) : value;
  }

  /** 400 unless {@value PrunnySimulator#TIMESTAMP_HEADER} is present, well-formed and fresh. */
  static void checkTimestamp(HttpRequest request, Instant now) {
    String header = PrunnySimulator.TIMESTAMP_HEADER;
    String value = request.getFirstHeader(header);
    if (value.isEmpty()) {
      throw Envelope.invalid(
          "missing " + header + " header (ISO-8601 UTC, e.g. 2026-11-21T10:00:00.123Z)");
    }
    if (!TIMESTAMP.matcher(value).matches()) {
      throw Envelope.invalid(header + " '" + value
          + "' is not an ISO-8601 date-time with seconds, at most millisecond precision and a zone");
    }
    Instant sent;
    try {
      sent = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw Envelope.invalid(header + " '" + value + "' is not a valid date-time");
    }
    Duration tolerance = PrunnySimulator.TIMESTAMP_TOLERANCE;
    if (sent.isBefore(now.minus(tolerance))) {
      throw Envelope.error(400, Codes.SECURITY_VIOLATION, "request expired: " + header + " "
          + value + " is more than " + tolerance.toMinutes() + " minutes before the server time "
          + Envelope.dateTime(now));
    }
    if (sent.isAfter(now.plus(tolerance))) {
      throw Envelope.error(400, Codes.SECURITY_VIOLATION, "request from the future: "
          + header + " " + value + " is more than " + tolerance.toMinutes()
          + " minutes after the server time " + Envelope.dateTime(now));
    }
  }
}
