package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IsoTimestamp} against the JDK's ISO_INSTANT formatter, the text it replaces. */
class IsoTimestampTest {

  private static String jdk(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void writesWhatIsoInstantWritesAtMillisecondPrecision() {
    assertThat(IsoTimestamp.millis(Instant.parse("2025-11-21T10:00:00Z"))).isEqualTo("2025-11-21T10:00:00Z");
    assertThat(IsoTimestamp.millis(Instant.parse("2025-11-21T10:00:00.120Z"))).isEqualTo("2025-11-21T10:00:00.120Z");
    assertThat(IsoTimestamp.millis(Instant.parse("2025-11-21T10:00:00.000999999Z"))).isEqualTo("2025-11-21T10:00:00Z");
    assertThat(IsoTimestamp.millis(Instant.parse("2024-02-29T23:59:59.999999Z"))).isEqualTo("2024-02-29T23:59:59.999Z");
    for (Instant i : new Instant[] {Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.001Z"),
        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.5Z"), Instant.MIN, Instant.MAX}) {
      assertThat(IsoTimestamp.millis(i)).as(i.toString()).isEqualTo(jdk(i));
    }
    SplittableRandom random = new SplittableRandom(20261203);
    long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int n = 0; n < 200_000; n++) {
      Instant i = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));
      if (n % 4 == 0) {
        i = i.truncatedTo(ChronoUnit.SECONDS); // the no-fraction form, often
      }
      assertThat(IsoTimestamp.millis(i)).isEqualTo(jdk(i));
    }
  }
}
