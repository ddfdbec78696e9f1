package dev.paykit.prune;

import dev.paykit.core.internal.MultipartBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document to upload with an account request: an ID, its back side, a proof of address, a company's
 * certificate of incorporation or its memorandum and articles. From a file, bytes or a stream, with the
 * file name and content type Prune sees.
 *
 * <pre>{@code
 * Document id = Document.of(Path.of("scans/passport.png"));                  // name and type from the file
 * Document poa = Document.of(bytes, "utility-bill.pdf", "application/pdf");
 * Document back = Document.of(request.getInputStream(), "id-back.jpg", "image/jpeg");
 * }</pre>
 *
 * <p>Prune takes {@code .jpeg}, {@code .jpg}, {@code .png} and {@code .pdf} files ({@code image/jpeg},
 * {@code image/png}, {@code application/pdf}) of at most 500 KB (read as 512000 bytes); the client checks
 * that, the name's extension, the type's agreement with it and the file's first bytes before anything is
 * sent, and names every document that breaks a rule. A document is read once, when its request is made:
 * a retry sends the same bytes; a stream is read then and not closed (it is the caller's), also by a
 * call that is then refused, so a stream-backed document serves one call: make a new one (or use bytes or
 * a {@code Path}) to try again. Its contents
 * never reach a log, a message or {@link #toString()}. Immutable (bytes are copied).
 */
public final class Document {

  /** The most read from a file or stream before the size check refuses it: 500 KB's limit is far below. */
  static final int READ_CAP = (int) MultipartBody.MAX_PART_BYTES + 1;

  private final Object source; // Path, byte[] or InputStream
  private final String fileName;
  private final String contentType;

  private Document(Object source, String fileName, String contentType) {
    this.source = source;
    this.fileName = fileName;
    this.contentType = contentType;
  }

  /**
   * A file; its name is the path's last element, its type the one its extension names.
   *
   * @param file the file to send, read when the request is made
   * @return the document
   */
  public static Document of(Path file) {
    return of(file, null, null);
  }

  /**
   * A file under another name or type. {@code fileName} null: the path's last element; {@code contentType}
   * null: the one the file name's extension names.
   *
   * @param file the file to send, read when the request is made
   * @param fileName the name to send, or null
   * @param contentType the media type to send, or null
   * @return the document
   */
  public static Document of(Path file, String fileName, String contentType) {
    return new Document(file, fileName != null ? fileName
        : file == null || file.getFileName() == null ? null : file.getFileName().toString(), contentType);
  }

  /**
   * Bytes (copied); {@code contentType} null: the one the file name's extension names.
   *
   * @param bytes the content (copied)
   * @param fileName the name to send
   * @param contentType the media type to send, or null
   * @return the document
   */
  public static Document of(byte[] bytes, String fileName, String contentType) {
    return new Document(bytes == null ? null : bytes.clone(), fileName, contentType);
  }

  /**
   * A stream, read when the request is made (not closed); {@code contentType} null: from the file name.
   *
   * @param stream the content, read once when the request is made and not closed
   * @param fileName the name to send
   * @param contentType the media type to send, or null
   * @return the document
   */
  public static Document of(InputStream stream, String fileName, String contentType) {
    return new Document(stream, fileName, contentType);
  }

  /** {@return the file name sent} */
  public String fileName() {
    return fileName;
  }

  /** {@return the content type given, or null (then the file name's extension decides)} */
  public String contentType() {
    return contentType;
  }

  /**
   * The part's value for the pipeline: the document in memory, or (when it cannot be read, or has no
   * source) a value the multipart check names as unreadable or missing.
   */
  Object part() {
    try {
      if (source instanceof byte[] b) {
        return new MultipartBody.FilePart(fileName, contentType, b);
      }
      if (source instanceof Path p) {
        try (InputStream in = Files.newInputStream(p)) {
          return new MultipartBody.FilePart(fileName, contentType, in.readNBytes(READ_CAP));
        }
      }
      if (source instanceof InputStream in) {
        return new MultipartBody.FilePart(fileName, contentType, in.readNBytes(READ_CAP));
      }
    } catch (IOException | SecurityException | java.io.UncheckedIOException unreadable) {
      return UNREADABLE; // named "readable" by the multipart check: the reason may hold a path, so it is not kept
    }
    return null;
  }

  /** A file that cannot be read: the multipart check reports it as such. */
  private static final Path UNREADABLE = Path.of("/dev/null/paykit-unreadable-document");

  /** Shows the content type only: neither the file's name nor its bytes. */
  @Override
  public String toString() {
    return "Document[" + (contentType == null ? "type from the file name" : contentType) + "]";
  }
}
