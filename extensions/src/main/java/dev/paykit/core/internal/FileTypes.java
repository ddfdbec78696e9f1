package dev.paykit.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a file's name and first bytes say about its type, for the few types whose check is cheap: the
 * common document and image formats. A type not listed here is judged by its declared content type
 * alone. Stateless.
 */
final class FileTypes {

  private FileTypes() {}

  /** File name extensions of each known type, the usual one first. */
  private static final Map<String, List<String>> EXTENSIONS = new LinkedHashMap<>();

  static {
    EXTENSIONS.put("image/jpeg", List.of("jpeg", "jpg"));
    EXTENSIONS.put("image/png", List.of("png"));
    EXTENSIONS.put("application/pdf", List.of("pdf"));
    EXTENSIONS.put("image/gif", List.of("gif"));
    EXTENSIONS.put("image/webp", List.of("webp"));
    EXTENSIONS.put("image/tiff", List.of("tif", "tiff"));
    EXTENSIONS.put("image/heic", List.of("heic"));
    EXTENSIONS.put("application/zip", List.of("zip"));
    EXTENSIONS.put("text/plain", List.of("txt"));
    EXTENSIONS.put("text/csv", List.of("csv"));
    EXTENSIONS.put("application/json", List.of("json"));
    EXTENSIONS.put("application/xml", List.of("xml"));
  }

  /** The media type without parameters, lower case ({@code Image/PNG; q=1} is {@code image/png}); null for none. */
  static String essence(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String t = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return t.isEmpty() ? null : t;
  }

  /** The extension of a file name, lower case, without the dot; null for none. */
  static String extension(String fileName) {
    if (fileName == null) {
      return null;
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The known type of a file name's extension, or null. */
  static String byExtension(String fileName) {
    String ext = extension(fileName);
    if (ext == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : EXTENSIONS.entrySet()) {
      if (e.getValue().contains(ext)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Whether a media type falls in a range ({@code image/png} in {@code image/*}). */
  static boolean inRange(String type, String range) {
    if (range.equals("*/*") || range.equals(type)) {
      return true;
    }
    return range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1));
  }

  /**
   * The extensions that name files of these types, in order ({@code jpeg, jpg, png, pdf}); null when one
   * is a range or a type whose extensions are not known here (then the name cannot be judged).
   */
  static List<String> extensionsOf(List<String> ranges) {
    List<String> out = new ArrayList<>();
    for (String range : ranges) {
      List<String> known = EXTENSIONS.get(range);
      if (known == null) {
        return null; // a range (image/*) or a type not listed here
      }
      known.stream().filter(x -> !out.contains(x)).forEach(out::add);
    }
    return out;
  }

  /**
   * Whether the bytes could be a file of this type: false only for a type whose signature is known here
   * (PNG, JPEG, PDF, GIF, WebP, TIFF, ZIP) when the bytes do not start with it.
   */
  static boolean looksLike(String type, byte[] b) {
    return switch (type) {
      case "image/png" -> startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      case "image/jpeg" -> startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
      case "application/pdf" -> pdf(b);
      case "image/gif" -> startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"));
      case "image/webp" -> startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"));
      case "image/tiff" -> startsWith(b, 0, new byte[] {'I', 'I', 42, 0}) || startsWith(b, 0, new byte[] {'M', 'M', 0, 42});
      case "application/zip" -> startsWith(b, 0, new byte[] {'P', 'K', 3, 4}) || startsWith(b, 0, new byte[] {'P', 'K', 5, 6});
      default -> true;
    };
  }

  /** {@code %PDF-} within the first 1024 bytes, where readers look for it. */
  private static boolean pdf(byte[] b) {
    byte[] magic = ascii("%PDF-");
    for (int i = 0; i < Math.min(1024, b.length); i++) {
      if (startsWith(b, i, magic)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (b.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
