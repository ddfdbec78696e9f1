package dev.paykit.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of {@code multipart/form-data} bodies as they reached a test server, written apart from
 * the client's encoder: the boundary from the {@code Content-Type}, no preamble, CRLF line ends, one
 * {@code Content-Disposition: form-data} per part, and the closing delimiter last with nothing after it.
 */
public final class MultipartParts {

  /** One part: its headers (names lower case) and exact bytes. */
  public record Part(String name, String fileName, String contentType, Map<String, String> headers, byte[] bytes) {

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code name}, or {@code name=fileName (contentType)} for a file: a readable summary for assertions. */
    public String summary() {
      return fileName == null ? name + ": " + text() : name + "=" + fileName + " (" + contentType + ", " + bytes.length + " bytes)";
    }
  }

  private static final Pattern BOUNDARY = Pattern.compile("(?i)^multipart/form-data;\\s*boundary=([^;\\s]+)$");
  private static final Pattern DISPOSITION =
      Pattern.compile("^form-data; name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?$");

  private MultipartParts() {}

  /** The parts of a body, in order; fails on anything not well formed. */
  public static List<Part> parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!m.matches()) {
      throw new AssertionError("not a multipart/form-data content type with a boundary: " + contentType);
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
    byte[] between = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
    if (!startsWith(body, 0, delimiter)) {
      throw new AssertionError("the body does not start with the boundary");
    }
    List<Part> parts = new ArrayList<>();
    int at = delimiter.length;
    while (true) {
      if (startsWith(body, at, "--\r\n".getBytes(StandardCharsets.US_ASCII)) && at + 4 == body.length) {
        return parts;
      }
      if (!startsWith(body, at, new byte[] {'\r', '\n'})) {
        throw new AssertionError("a boundary line not ended by CRLF at byte " + at);
      }
      at += 2;
      Map<String, String> headers = new LinkedHashMap<>();
      while (true) {
        int end = indexOf(body, new byte[] {'\r', '\n'}, at);
        if (end < 0) {
          throw new AssertionError("part headers not ended");
        }
        if (end == at) {
          at += 2;
          break;
        }
        String line = new String(body, at, end - at, StandardCharsets.UTF_8);
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        at = end + 2;
      }
      int end = indexOf(body, between, at);
      if (end < 0) {
        throw new AssertionError("part not closed by the boundary");
      }
      Matcher d = DISPOSITION.matcher(headers.getOrDefault("content-disposition", ""));
      if (!d.matches()) {
        throw new AssertionError("not a form-data part: " + headers.get("content-disposition"));
      }
      parts.add(new Part(d.group(1), d.group(2), headers.get("content-type"), headers, Arrays.copyOfRange(body, at, end)));
      at = end + between.length;
    }
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    return b.length >= at + prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] b, byte[] what, int from) {
    for (int i = from; i + what.length <= b.length; i++) {
      if (startsWith(b, i, what)) {
        return i;
      }
    }
    return -1;
  }
}
