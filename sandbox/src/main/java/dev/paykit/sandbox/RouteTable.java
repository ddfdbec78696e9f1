package dev.paykit.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulator's operations by method and path template, e.g. {@code GET /v1/accounts/{accountNumber}}:
 * a {@code {name}} matches one path segment. Looked up in the order added, so a literal path must
 * come before a template that would also match it ({@code /v1/accounts/types} before
 * {@code /v1/accounts/{accountNumber}}). What the handler is, and how a miss is answered (404 for
 * an unknown path, 405 for a known path with another method), is the provider's. Sandbox machinery,
 * not an API for the sandbox's users. Not thread-safe while being filled; immutable in use.
 *
 * @param <H> the provider's handler, with whatever it needs to know about the operation
 */
public final class RouteTable<H> {
  /** One operation. */
  public record Route<H>(String method, String template, H handler) {}

  /**
   * The route for a request and its path parameters in template order, not yet percent-decoded.
   *
   * @param route the matching operation
   * @param parameters the placeholder values, in template order
   * @param <H> the provider's handler
   */
  public record Match<H>(Route<H> route, List<String> parameters) {
    /**
     * Keeps an unmodifiable copy of {@code parameters}.
     *
     * @param route the matching operation
     * @param parameters the placeholder values, in template order
     */
    public Match {
      parameters = List.copyOf(parameters);
    }
  }

  private record Entry<H>(Route<H> route, Pattern path) {}

  private static final String SEGMENT = "([^/]+)";

  private final List<Entry<H>> entries = new ArrayList<>();

  /**
   * Adds an operation.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param template a path with {@code {name}} placeholders, each matching one segment
   * @param handler what handles the operation
   * @return this table
   */
  public RouteTable<H> add(String method, String template, H handler) {
    String regex = Pattern.quote(template).replaceAll("\\{[A-Za-z]+\\}", "\\\\E" + SEGMENT + "\\\\Q");
    entries.add(new Entry<>(new Route<>(method, template, handler), Pattern.compile(regex)));
    return this;
  }

  /** {@return every operation, in the order added} */
  public List<Route<H>> routes() {
    return entries.stream().map(Entry::route).toList();
  }

  /**
   * The first operation with this method whose template matches {@code path}.
   *
   * @param method the request's HTTP method
   * @param path the request's path as the templates are written (e.g. {@link Routing#pathBelow}), not decoded
   * @return the route with its path parameters, or empty when none matches
   */
  public Optional<Match<H>> match(String method, String path) {
    for (Entry<H> entry : entries) {
      if (!entry.route().method().equals(method)) {
        continue;
      }
      Matcher m = entry.path().matcher(path);
      if (m.matches()) {
        List<String> parameters = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          parameters.add(m.group(i));
        }
        return Optional.of(new Match<>(entry.route(), parameters));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether some operation, whatever its method, has a template matching {@code path}.
   *
   * @param path the request's path as the templates are written
   * @return true when the path is known, so a router can tell a wrong method from an unknown path
   */
  public boolean knowsPath(String path) {
    return entries.stream().anyMatch(entry -> entry.path().matcher(path).matches());
  }
}
