package dev.paykit.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.mockserver.client.MockServerClient;
import org.mockserver.mock.action.ExpectationResponseCallback;
import org.mockserver.model.HttpRequest;

/**
 * Sandbox machinery for the simulators' routers: mounting a callback under a path prefix, the path
 * below that prefix and path-segment decoding. Not an API for the sandbox's users. Stateless.
 */
public final class Routing {
  private Routing() {}

  /**
   * Sends every request whose path is {@code pathPrefix} or lies under it ({@code pathPrefix/...})
   * to {@code callback}; {@code /prunnyx} is not under {@code /prunny}. The prefix is used in a
   * MockServer path regex as is, which is why {@link PaykitSandbox} only accepts letters, digits,
   * {@code /}, {@code _} and {@code -} in it.
   *
   * @param mockServer the MockServer to add the expectation to
   * @param pathPrefix the simulator's prefix, e.g. {@code /prunny}
   * @param callback the simulator's router
   */
  public static void mount(MockServerClient mockServer, String pathPrefix, ExpectationResponseCallback callback) {
    mockServer.when(HttpRequest.request().withPath(pathPrefix + "(/.*)?")).respond(callback);
  }

  /**
   * The request's path after {@code pathPrefix}.
   *
   * @param request a request routed by {@link #mount}
   * @param pathPrefix the prefix it was mounted under
   * @return the rest of the path, e.g. {@code /v1/accounts}; "" for the prefix itself
   */
  public static String pathBelow(HttpRequest request, String pathPrefix) {
    return request.getPath().getValue().substring(pathPrefix.length());
  }

  /**
   * A percent-decoded path segment. Path segments use {@code %XX} only: {@code +} is a literal plus
   * there, unlike in forms.
   *
   * @param segment one path segment as sent
   * @return the decoded segment
   * @throws IllegalArgumentException for a malformed escape; the caller answers in its provider's shape
   */
  public static String decodeSegment(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
