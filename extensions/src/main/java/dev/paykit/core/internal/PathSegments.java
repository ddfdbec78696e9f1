package dev.paykit.core.internal;

import dev.paykit.core.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a path parameter's value becomes exactly one path segment, and which values cannot. Stateless.
 *
 * <p><b>Rejected</b> ({@link #check}, run by validation before anything is sent): a value that is, or
 * contains as a {@code /}- or {@code \}-separated part, a dot segment ({@code .} or {@code ..}) in any
 * spelling that some hop on the way may decode to one: literally, percent-encoded ({@code %2e},
 * {@code %2E.}, {@code .%2e}, {@code %2e%2e}), encoded more than once ({@code %252e%252e}), or with
 * matrix parameters ({@code ..;x}, which Tomcat and Spring resolve like {@code ..}); and the empty value.
 * Such a segment cannot be sent as one segment at all: OkHttp's {@code HttpUrl} resolves {@code .},
 * {@code ..} and their {@code %2e} forms whichever way the URL is built, and RFC 3986 (2.3, 6.2.2.2)
 * makes {@code %2E} equivalent to {@code .}, so any normalising server or proxy resolves them too.
 * Rejecting them costs no genuine identifier.
 *
 * <p><b>Encoded</b> ({@link #encode}): every other value, losslessly: each character outside RFC 3986's
 * unreserved set ({@code A-Z a-z 0-9 - . _ ~}) is sent as UTF-8 percent-encoded octets, {@code %} and
 * {@code /} included. Feign would otherwise pass an already percent-encoded triplet through unchanged
 * (the caller's {@code x%2Fy} would be read by the server as {@code x/y}).
 */
public final class PathSegments {

  /** The {@link Violation#rule()} of a value that would not stay one path segment. */
  public static final String RULE = "pathSegment";

  private static final int MAX_DECODING_ROUNDS = 8;

  private PathSegments() {}

  /** Why this value cannot be sent as one path segment, if it cannot; never repeats the value. */
  public static Optional<Violation> check(String field, String value) {
    if (value.isEmpty()) {
      return Optional.of(new Violation(field, RULE,
          "must not be empty: an empty path segment changes the path of the request"));
    }
    if (hasDotSegment(value)) {
      return Optional.of(new Violation(field, RULE,
          "must not be or contain a dot segment (. or .., also percent-encoded or followed by ;): "
              + "it would send the request to another path"));
    }
    return Optional.empty();
  }

  /**
   * The value as one encoded path segment.
   *
   * @throws IllegalArgumentException for a value {@link #check} rejects, or text that is not valid
   *     UTF-16 (an unpaired surrogate): validation rejects both first, this is the last line of defence
   */
  public static String encode(String value) {
    if (check("path", value).isPresent()) {
      throw new IllegalArgumentException("a path parameter would not stay one path segment");
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
        continue;
      }
      int end = i + 1;
      if (Character.isHighSurrogate(c) && end < value.length() && Character.isLowSurrogate(value.charAt(end))) {
        end++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "a path parameter contains an unpaired UTF-16 surrogate and cannot be encoded losslessly");
      }
      for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      i = end - 1;
    }
    return out.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** Whether the value, or any percent-decoding of it, has a dot segment among its parts. */
  static boolean hasDotSegment(String value) {
    String current = value;
    for (int round = 0; round <= MAX_DECODING_ROUNDS; round++) {
      if (partsHaveDotSegment(current)) {
        return true;
      }
      String decoded = percentDecode(current);
      if (decoded.equals(current)) {
        return false;
      }
      current = decoded;
    }
    // Still decoding after this many rounds: nobody's identifier looks like that.
    return true;
  }

  private static boolean partsHaveDotSegment(String text) {
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '/' || text.charAt(i) == '\\') {
        String part = text.substring(start, i);
        int matrix = part.indexOf(';');
        if (matrix >= 0) {
          part = part.substring(0, matrix);
        }
        if (part.equals(".") || part.equals("..")) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /**
   * Decodes every well-formed {@code %XX} triplet (as UTF-8; malformed sequences become U+FFFD, which is
   * no dot); anything else, including a lone {@code %}, is kept.
   */
  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
      }
      out.append(text.charAt(i));
      i++;
    }
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
