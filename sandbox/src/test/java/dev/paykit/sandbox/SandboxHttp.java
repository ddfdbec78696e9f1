package dev.paykit.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.paykit.sandbox.promptcash.PromptCashSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Real HTTP against the sandbox with the JDK client, for the tests of every simulator package.
 * HTTP/1.1 is forced so the client does not try an h2c upgrade first; amounts are read as
 * BigDecimal. The instance methods without an {@code authorization} argument send Prompt.Cash's
 * secret token.
 */
public final class SandboxHttp {
  public static final String FORM = "application/x-www-form-urlencoded";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** Keeps every decimal exactly as sent: 12.50 stays 12.50 (Jackson strips zeros by default). */
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final String baseUrl;

  public SandboxHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Form-encodes name/value pairs in the order given. */
  public static String form(String... namesAndValues) {
    StringJoiner joiner = new StringJoiner("&");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      joiner.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return joiner.toString();
  }

  public HttpResponse<String> post(String path, String formBody) {
    return send(post(path, formBody, PromptCashSimulator.SECRET_TOKEN));
  }

  public HttpRequest post(String path, String formBody, String authorization) {
    HttpRequest.Builder builder = request(path, authorization).header("Content-Type", FORM)
        .POST(HttpRequest.BodyPublishers.ofString(formBody));
    return builder.build();
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(get(pathAndQuery, PromptCashSimulator.SECRET_TOKEN));
  }

  public HttpRequest get(String pathAndQuery, String authorization) {
    return request(pathAndQuery, authorization).GET().build();
  }

  /** Builder with {@code Authorization} set unless {@code authorization} is null. */
  public HttpRequest.Builder request(String pathAndQuery, String authorization) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  /** Sends, turning transport failures into unchecked ones (tests that expect them use sendRaw). */
  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return sendRaw(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HttpResponse<String> sendRaw(HttpRequest request) throws IOException {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
