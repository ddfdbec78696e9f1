package dev.paykit.core.internal;

import feign.form.FormData;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A {@code multipart/form-data} body held in memory, and how it is written on the wire.
 *
 * <p>Every file a call sends is read <b>once</b>, before the call is validated ({@link #inMemory}):
 * what is validated is exactly what is sent, and every attempt of the call sends those same bytes, so a
 * retry never re-reads a file that changed, or a one-shot stream that the first attempt consumed. A
 * file is read up to its part's size limit plus one byte (so that a larger one is refused without being
 * read whole), or {@value #MAX_PART_BYTES} bytes where the spec names no limit.
 *
 * <p>On the wire ({@link #encode}): one part per value, named by its wire name (a list gives one part
 * per element under the same name), in the order given; a file part carries its file name and content
 * type ({@code application/octet-stream} when it has none), a text part
 * {@code text/plain; charset=UTF-8} (as feign-form writes it). The boundary is random (128 bits from
 * {@link SecureRandom}) and never occurs in a part, so a document cannot forge parts; {@code "}, CR and
 * LF in names and file names are percent-escaped as browsers do (validation refuses such file names
 * before this). Thread-safe.
 */
public final class MultipartBody {

  /** The most a file part is read into memory when the spec names no {@code x-paykit-max-bytes}. */
  public static final long MAX_PART_BYTES = 32L * 1024 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] CRLF = {'\r', '\n'};

  private MultipartBody() {}

  /**
   * A file part's content, in memory: its file name, its content type (either may be null) and its
   * bytes. Immutable; {@link #toString()} shows neither the name nor the bytes.
   */
  public static final class FilePart {
    private final String fileName;
    private final String contentType;
    private final byte[] bytes;

    public FilePart(String fileName, String contentType, byte[] bytes) {
      this.fileName = fileName;
      this.contentType = contentType;
      this.bytes = bytes == null ? new byte[0] : bytes.clone();
    }

    /** The file name sent in the part's {@code Content-Disposition}, or null. */
    public String fileName() {
      return fileName;
    }

    /** The content type the caller gave, or null. */
    public String contentType() {
      return contentType;
    }

    /** The number of bytes held. */
    public int size() {
      return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
      return bytes.clone();
    }

    byte[] raw() {
      return bytes;
    }

    @Override
    public String toString() {
      return "FilePart[" + bytes.length + " bytes]";
    }
  }

  /** A file value that could not be read (a missing file, an I/O error). Never sent: validation names it. */
  static final class Unreadable {
    @Override
    public String toString() {
      return "Unreadable";
    }
  }

  /**
   * A file-like value read into memory: a {@link FilePart}, feign-form's {@link FormData}, a
   * {@link File} or {@link Path} (file name kept; a file or form data without a content type of its own
   * gets the one its name's extension names, as feign-form would send it), a
   * {@code byte[]} or an {@link InputStream} (neither has a file name; a stream is read but not
   * closed: it is the caller's). At most {@code limit + 1} bytes are read. A list gives a list; any
   * other value is returned as it is. A file that cannot be read gives {@link Unreadable}.
   */
  static Object inMemory(Object value, long limit) {
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 9) + 1;
    if (value instanceof List<?> list) {
      return list.stream().map(v -> inMemory(v, limit)).toList();
    }
    try {
      if (value instanceof FilePart p) {
        String type = typeOf(p.contentType(), p.fileName());
        return p.size() > cap ? new FilePart(p.fileName(), type, Arrays.copyOf(p.raw(), cap))
            : java.util.Objects.equals(type, p.contentType()) ? p : new FilePart(p.fileName(), type, p.raw());
      }
      if (value instanceof FormData f) {
        byte[] data = f.getData() == null ? new byte[0] : f.getData();
        return new FilePart(f.getFileName(), typeOf(f.getContentType(), f.getFileName()),
            data.length > cap ? Arrays.copyOf(data, cap) : data);
      }
      if (value instanceof File f) {
        return read(f.toPath(), f.getName(), cap);
      }
      if (value instanceof Path p) {
        return read(p, p.getFileName() == null ? null : p.getFileName().toString(), cap);
      }
      if (value instanceof byte[] b) {
        return new FilePart(null, null, b.length > cap ? Arrays.copyOf(b, cap) : b);
      }
      if (value instanceof InputStream in) {
        return new FilePart(null, null, in.readNBytes(cap));
      }
    } catch (IOException | SecurityException | java.io.UncheckedIOException unreadable) {
      return new Unreadable();
    }
    return value;
  }

  /** Whether a value is one {@link #inMemory} reads as a file. */
  static boolean isFileLike(Object value) {
    return value instanceof FilePart || value instanceof FormData || value instanceof File
        || value instanceof Path || value instanceof byte[] || value instanceof InputStream
        || value instanceof Unreadable;
  }

  private static FilePart read(Path path, String name, int cap) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return new FilePart(name, typeOf(null, name), in.readNBytes(cap));
    }
  }

  /** The content type given, else the one the file name's extension names (null when neither says). */
  private static String typeOf(String given, String fileName) {
    return given != null && !given.isBlank() ? given : FileTypes.byExtension(fileName);
  }

  /** A fresh boundary: 32 hex digits of {@link SecureRandom}. */
  static String boundary() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return "paykit-" + HexFormat.of().formatHex(b);
  }

  /** The text a text part carries: numbers in plain notation, everything else as its string form. */
  static String text(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }

  /**
   * The body for these parts (wire name and value: text, a {@link FilePart} or a file-like value, or a
   * list of them; null values are left out), under a boundary that occurs in none of them.
   *
   * @return the boundary and the body
   */
  static Map.Entry<String, byte[]> encode(List<Map.Entry<String, Object>> parts) {
    List<Map.Entry<String, Object>> flat = new java.util.ArrayList<>();
    for (Map.Entry<String, Object> p : parts) {
      Object v = p.getValue();
      for (Object one : v instanceof List<?> list ? list : java.util.Collections.singletonList(v)) {
        if (one != null) {
          // a file already in memory was read (and validated) against its part's own limit, which may
          // exceed MAX_PART_BYTES: it is sent whole, never cut to the default limit
          Object value = one instanceof FilePart ? inMemory(one, Long.MAX_VALUE)
              : isFileLike(one) ? inMemory(one, MAX_PART_BYTES) : text(one);
          if (value instanceof Unreadable) {
            throw new feign.codec.EncodeException("part " + p.getKey() + " cannot be read");
          }
          if (!(one instanceof FilePart) && value instanceof FilePart f && f.size() > MAX_PART_BYTES) {
            throw new feign.codec.EncodeException("part " + p.getKey() + " is larger than " + MAX_PART_BYTES
                + " bytes");
          }
          flat.add(Map.entry(p.getKey(), value));
        }
      }
    }
    String boundary = boundary();
    while (occursIn(boundary, flat)) {
      boundary = boundary(); // 2^-128 per part: never in practice, but a document must not forge parts
    }
    return Map.entry(boundary, write(flat, boundary));
  }

  private static boolean occursIn(String boundary, List<Map.Entry<String, Object>> parts) {
    byte[] b = boundary.getBytes(StandardCharsets.US_ASCII);
    for (Map.Entry<String, Object> p : parts) {
      byte[] data = p.getValue() instanceof FilePart f ? f.raw() : ((String) p.getValue()).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i + b.length <= data.length; i++) {
        if (data[i] == b[0] && Arrays.equals(data, i, i + b.length, b, 0, b.length)) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] write(List<Map.Entry<String, Object>> parts, String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    for (Map.Entry<String, Object> p : parts) {
      out.writeBytes(delimiter);
      out.writeBytes(CRLF);
      StringBuilder head = new StringBuilder("Content-Disposition: form-data; name=\"").append(escape(p.getKey())).append('"');
      byte[] data;
      if (p.getValue() instanceof FilePart f) {
        if (f.fileName() != null) {
          head.append("; filename=\"").append(escape(f.fileName())).append('"');
        }
        String type = f.contentType() == null || f.contentType().isBlank() ? "application/octet-stream"
            : f.contentType().replaceAll("[\\r\\n]", "");
        head.append("\r\nContent-Type: ").append(type);
        data = f.raw();
      } else {
        head.append("\r\nContent-Type: text/plain; charset=UTF-8");
        data = ((String) p.getValue()).getBytes(StandardCharsets.UTF_8);
      }
      out.writeBytes(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(data);
      out.writeBytes(CRLF);
    }
    out.writeBytes(delimiter);
    out.writeBytes("--\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** {@code "}, CR and LF percent-escaped, as the HTML standard has browsers write names. */
  private static String escape(String name) {
    return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
