package dev.paykit.tests.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Just enough HTTP/1.1 for {@link FaultInjectionProxy}: request and response heads, bodies by
 * Content-Length, chunked or (responses) up to the end of the stream. Header bytes are read and written
 * as ISO-8859-1, so they pass through unchanged.
 */
final class Http1 {

  /** A response as read from the upstream server. */
  record Response(String statusLine, int status, List<Map.Entry<String, String>> headers, byte[] body) {}

  /** Headers that belong to one connection, never relayed as they are. */
  static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "transfer-encoding", "te", "trailer", "upgrade", "content-length");

  private static final int MAX_LINE = 64 * 1024;

  private Http1() {}

  /** The next request on a connection, or null when the client closed it before sending one. */
  static ProxiedRequest readRequest(InputStream in) throws IOException {
    String line = readLine(in);
    while (line != null && line.isEmpty()) {
      line = readLine(in); // tolerate stray CRLFs between requests
    }
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ", 3);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
      throw new ProtocolException("not an HTTP request line: " + line);
    }
    List<Map.Entry<String, String>> headers = readHeaders(in);
    byte[] body = readBody(in, headers, false);
    return new ProxiedRequest(parts[0], parts[1], headers, body);
  }

  /** A whole response; {@code method} HEAD, 1xx, 204 and 304 have no body. */
  static Response readResponse(InputStream in, String method) throws IOException {
    String line = readLine(in);
    if (line == null) {
      throw new EOFException("upstream closed before answering");
    }
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new ProtocolException("not an HTTP status line: " + line);
    }
    int status = Integer.parseInt(parts[1]);
    List<Map.Entry<String, String>> headers = readHeaders(in);
    boolean noBody = method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304;
    byte[] body = noBody ? new byte[0] : readBody(in, headers, true);
    return new Response(line, status, headers, body);
  }

  static String header(List<Map.Entry<String, String>> headers, String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  /** Writes a status line (or request line), the headers and the blank line. */
  static void writeHead(OutputStream out, String firstLine, List<Map.Entry<String, String>> headers)
      throws IOException {
    StringBuilder head = new StringBuilder(firstLine).append("\r\n");
    for (Map.Entry<String, String> h : headers) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The end-to-end headers of a message: hop-by-hop ones and Content-Length left out. */
  static List<Map.Entry<String, String>> endToEnd(List<Map.Entry<String, String>> headers) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        out.add(h);
      }
    }
    return out;
  }

  private static List<Map.Entry<String, String>> readHeaders(InputStream in) throws IOException {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line = readLine(in); ; line = readLine(in)) {
      if (line == null) {
        throw new EOFException("connection closed inside the headers");
      }
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("bad header line: " + line);
      }
      headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
    }
  }

  private static byte[] readBody(InputStream in, List<Map.Entry<String, String>> headers, boolean toEof)
      throws IOException {
    String encoding = header(headers, "Transfer-Encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return readChunked(in);
    }
    String length = header(headers, "Content-Length");
    if (length != null) {
      int n = Integer.parseInt(length.trim());
      byte[] body = in.readNBytes(n);
      if (body.length != n) {
        throw new EOFException("body ended after " + body.length + " of " + n + " bytes");
      }
      return body;
    }
    return toEof ? in.readAllBytes() : new byte[0];
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = readLine(in);
      if (size == null) {
        throw new EOFException("connection closed inside a chunked body");
      }
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while (true) { // trailers up to the blank line
          String trailer = readLine(in);
          if (trailer == null || trailer.isEmpty()) {
            return body.toByteArray();
          }
        }
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length != n) {
        throw new EOFException("chunk ended after " + chunk.length + " of " + n + " bytes");
      }
      body.write(chunk);
      readLine(in); // the CRLF after the chunk
    }
  }

  /** One line without its CRLF (a bare LF is accepted), or null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      if (line.size() > MAX_LINE) {
        throw new ProtocolException("line longer than " + MAX_LINE + " bytes");
      }
    }
    if (line.size() > 0) {
      throw new EOFException("connection closed inside a line");
    }
    return null;
  }
}
