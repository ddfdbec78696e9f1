package dev.paykit.sandbox;

import java.util.List;
import org.mockserver.client.MockServerClient;

/**
 * What {@link PaykitSandbox} needs of one provider's simulator: where it lives on the shared
 * MockServer, how to mount and reset it, and what the standalone sandbox prints about it. Each
 * provider implements it once, in its own package {@code dev.paykit.sandbox.<provider>}; the
 * sandbox mounts, resets and describes every registered simulator through this contract only.
 *
 * <p>Implementations must be thread-safe: MockServer calls their callbacks on several Netty
 * threads while a test configures or inspects the simulator from its own thread.
 */
public interface Simulator {
  /** Width of the label column in {@link #bannerLines()}, so that every block lines up. */
  int BANNER_LABEL_WIDTH = 19;

  /** {@return the provider's name as people write it, e.g. {@code Prompt.Cash}; labels its banner block} */
  String name();

  /** {@return one line saying what is simulated, e.g. {@code payments and the URL shortener}} */
  String description();

  /**
   * Where the simulator is mounted, e.g. {@code /prunny}: starts with {@code /}, does not end with
   * one, and no other simulator's prefix equals it or lies under it (checked at start).
   *
   * @return the path prefix
   */
  String pathPrefix();

  /** {@return the clients' base URL: the sandbox's origin followed by {@link #pathPrefix()}} */
  String baseUrl();

  /**
   * Registers the simulator's callbacks on {@code mockServer} for every path under
   * {@link #pathPrefix()} (the prefix itself included), usually through
   * {@link Routing#mount(MockServerClient, String, org.mockserver.mock.action.ExpectationResponseCallback)}.
   * Called once, by the sandbox, right after construction.
   *
   * @param mockServer the sandbox's MockServer
   */
  void mount(MockServerClient mockServer);

  /**
   * Back to a fresh simulator: fixtures only, no queued faults, default settings. Called by
   * {@link PaykitSandbox#reset()}, which also clears MockServer's request log.
   */
  void reset();

  /**
   * What the standalone sandbox prints under the base URL: the sandbox credentials and anything
   * else a person trying the API by hand needs (seeded accounts, the OTP). Build each line with
   * {@link #bannerLine(String, String)}; the sandbox indents them.
   *
   * @return the lines, without indentation
   */
  List<String> bannerLines();

  /**
   * One banner line.
   *
   * @param label what the line shows, e.g. {@code Authorization}
   * @param value the value shown after the label
   * @return {@code label} padded to {@value #BANNER_LABEL_WIDTH} characters, then {@code ": value"}
   */
  static String bannerLine(String label, String value) {
    return String.format("%-" + BANNER_LABEL_WIDTH + "s: %s", label, value);
  }
}
