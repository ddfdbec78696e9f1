package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paykit.sandbox.SandboxHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Real HTTP against the Paypercut simulator: every request carries the sandbox's Bearer key unless
 * told otherwise; JSON bodies go out exactly as written.
 */
final class PaypercutHttp {
  static final String BEARER = "Bearer " + PaypercutSimulator.TEST_KEY;

  /** One request being built. */
  final class Request {
    private final HttpRequest.Builder builder;
    private final String method;
    private final String body;

    private Request(String method, String path, String body) {
      this.builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", BEARER);
      this.method = method;
      this.body = body;
      if (body != null) {
        builder.header("Content-Type", "application/json");
      }
    }

    Request account(String account) {
      builder.header(PaypercutSimulator.ACCOUNT_HEADER, account);
      return this;
    }

    Request key(String key) {
      builder.header(PaypercutSimulator.IDEMPOTENCY_HEADER, key);
      return this;
    }

    Request header(String name, String value) {
      builder.setHeader(name, value);
      return this;
    }

    HttpRequest build() {
      return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> send() {
      return SandboxHttp.send(build());
    }

    /** Sends and checks for a 200; the body as JSON. */
    JsonNode ok() {
      HttpResponse<String> response = send();
      if (response.statusCode() != 200) {
        throw new AssertionError(method + " answered " + response.statusCode() + ": " + response.body());
      }
      return SandboxHttp.json(response);
    }
  }

  private final String baseUrl;

  PaypercutHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Request get(String path) {
    return new Request("GET", path, null);
  }

  Request post(String path, String json) {
    return new Request("POST", path, json);
  }

  Request put(String path, String json) {
    return new Request("PUT", path, json);
  }

  Request delete(String path) {
    return new Request("DELETE", path, null);
  }

  static JsonNode json(HttpResponse<String> response) {
    return SandboxHttp.json(response);
  }

  static JsonNode json(String text) {
    return SandboxHttp.json(text);
  }

  // ---- bodies ----

  static String intent(long amount, String currency) {
    return "{\"amount\": " + amount + ", \"currency\": \"" + currency + "\"}";
  }

  static String intent(long amount, String currency, String paymentMethod, boolean confirm, String captureMethod) {
    return "{\"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"payment_method\": \""
        + paymentMethod + "\", \"confirm\": " + confirm + ", \"capture_method\": \"" + captureMethod + "\"}";
  }
}
