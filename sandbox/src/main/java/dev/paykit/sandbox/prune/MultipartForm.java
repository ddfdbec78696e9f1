package dev.paykit.sandbox.prune;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) as the sandbox reads it: every part in the order sent,
 * its name, file name (a file part has one, a text part none), content type and exact bytes. Strict
 * where a real server would be: a body that does not follow its boundary, a part without a
 * {@code Content-Disposition: form-data; name=...}, or a name sent twice is a 400 naming the problem.
 * Immutable.
 */
final class MultipartForm {
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i)multipart/form-data\\s*;(?:.*;)?\\s*boundary=(\"[^\"]+\"|[^;\\s]+)");
  private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
  private static final byte[] CRLF = {'\r', '\n'};

  /**
   * One part.
   *
   * @param name the part's name
   * @param fileName the file name, or null for a text part
   * @param contentType the part's Content-Type, or null when it sent none
   * @param bytes exactly the bytes between the part's headers and the next delimiter
   */
  record Part(String name, String fileName, String contentType, byte[] bytes) {
    boolean isFile() {
      return fileName != null;
    }

    /** The content type without parameters, lower case; "" when none was sent. */
    String mediaType() {
      if (contentType == null) {
        return "";
      }
      int semicolon = contentType.indexOf(';');
      return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    int size() {
      return bytes.length;
    }
  }

  private final List<Part> parts;

  private MultipartForm(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Parses a body sent with this Content-Type; 400 for anything that is not a well-formed form. */
  static MultipartForm parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!m.find()) {
      throw Envelope.invalid("the request must be multipart/form-data with a boundary (Content-Type was '"
          + contentType + "')");
    }
    String boundary = m.group(1).startsWith("\"") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] data = body == null ? new byte[0] : body;
    int at = indexOf(data, delimiter, 0);
    if (at < 0) {
      throw Envelope.invalid("the multipart body has no part delimited by its boundary");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      int afterDelimiter = at + delimiter.length;
      if (startsWith(data, afterDelimiter, new byte[] {'-', '-'})) {
        break; // the close delimiter
      }
      if (!startsWith(data, afterDelimiter, CRLF)) {
        throw Envelope.invalid("the multipart body is malformed after a boundary");
      }
      int headersStart = afterDelimiter + 2;
      int headersEnd = indexOf(data, new byte[] {'\r', '\n', '\r', '\n'}, headersStart);
      if (headersEnd < 0) {
        throw Envelope.invalid("a multipart part has no end of headers");
      }
      byte[] next = concat(CRLF, delimiter);
      int contentEnd = indexOf(data, next, headersEnd + 4);
      if (contentEnd < 0) {
        throw Envelope.invalid("the multipart body ends without its close delimiter");
      }
      String headers = new String(data, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      parts.add(part(headers, Arrays.copyOfRange(data, headersEnd + 4, contentEnd)));
      at = contentEnd + 2;
    }
    List<String> seen = new ArrayList<>();
    for (Part p : parts) {
      if (seen.contains(p.name())) {
        throw Envelope.invalid(p.name() + " is sent more than once");
      }
      seen.add(p.name());
    }
    return new MultipartForm(parts);
  }

  private static Part part(String headers, byte[] content) {
    String disposition = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        disposition = value;
      } else if (header.equals("content-type")) {
        type = value;
      }
    }
    if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
      throw Envelope.invalid("a multipart part has no Content-Disposition: form-data");
    }
    Matcher name = NAME.matcher(disposition);
    if (!name.find() || name.group(1).isEmpty()) {
      throw Envelope.invalid("a multipart part has no name");
    }
    Matcher file = FILENAME.matcher(disposition);
    return new Part(unescape(name.group(1)), file.find() ? unescape(file.group(1)) : null, type, content);
  }

  /** The HTML standard's escapes in names, as browsers (and paykit) write them. */
  private static String unescape(String value) {
    return value.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
  }

  /** Every part, in the order sent. */
  List<Part> parts() {
    return parts;
  }

  Optional<Part> part(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static int indexOf(byte[] data, byte[] wanted, int from) {
    outer:
    for (int i = Math.max(0, from); i + wanted.length <= data.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (data[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    return at + prefix.length <= data.length && Arrays.equals(data, at, at + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
