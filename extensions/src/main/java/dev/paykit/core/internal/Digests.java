package dev.paykit.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Message digests reused per thread: {@link MessageDigest#getInstance} looks the algorithm up among the
 * security providers on every call, which costs more than hashing a request body. A digest returned here
 * is reset and belongs to the calling thread until its next call here; never hand it to another thread.
 */
public final class Digests {

  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> newDigest("SHA-256"));

  private Digests() {}

  /** This thread's SHA-256 digest, reset. */
  public static MessageDigest sha256() {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    return digest;
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every JVM", e);
    }
  }
}
