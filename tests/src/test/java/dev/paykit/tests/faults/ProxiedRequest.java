package dev.paykit.tests.faults;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as {@link FaultInjectionProxy} read it from the client.
 *
 * @param method e.g. POST
 * @param target the request target as sent: path and query
 * @param headers in the order received
 * @param body the body bytes (empty when none)
 */
public record ProxiedRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

  public ProxiedRequest {
    headers = List.copyOf(headers);
  }

  /** The first value of a header (names compared without case). */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /** The path without the query. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean isRead() {
    return method.equals("GET") || method.equals("HEAD");
  }

  @Override
  public String toString() {
    return method + " " + target;
  }
}
