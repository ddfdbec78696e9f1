package dev.paykit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} paykit sends: {@code paykit/<version> (<provider>) java/<version>}. */
final class UserAgent {

  private static final String VERSION = readVersion();

  private UserAgent() {}

  static String of(String provider) {
    return "paykit/" + VERSION + " (" + provider + ") java/" + System.getProperty("java.version", "unknown");
  }

  static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/dev/paykit/paykit.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
