package dev.paykit.core.internal;

import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One attempt's request as the per-attempt steps ({@link AttemptStep}) see and change it, after the
 * request has been encoded and before it is sent. Two forms carry it: a Feign {@link RequestTemplate}
 * ({@link #of}, the interfaces a user targets through {@code feignBuilder()}) and the request a client's
 * own proxies build without Feign's per-call templates ({@link DirectCall}). A step sees the same values
 * through either, and its changes reach the wire the same way. Not thread-safe: one attempt's.
 */
public interface AttemptRequest {

  /** The HTTP method, e.g. {@code GET}. */
  String method();

  /** The path and query as they will be sent, relative to the client's base URL. */
  String url();

  /** The encoded body, or null when the request has none. */
  byte[] body();

  /** Replaces the body with these bytes. */
  void body(byte[] body);

  /** Removes every value of the header (names compare ignoring case). */
  void removeHeader(String name);

  /** Replaces every value of the header with this one, sent as it is. */
  void replaceHeader(String name, String value);

  /**
   * Replaces every value of the query parameter with this one, already percent-encoded; null removes it. A
   * parameter the request did not have is added last.
   */
  void replaceQuery(String name, String encodedValue);

  /** The request that a Feign template carries; changes go straight to the template. */
  static AttemptRequest of(RequestTemplate template) {
    return new OfTemplate(template);
  }

  /** {@link AttemptRequest} over a Feign template. */
  final class OfTemplate implements AttemptRequest {
    private final RequestTemplate template;

    private OfTemplate(RequestTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
    }

    @Override
    public String method() {
      return template.method();
    }

    @Override
    public String url() {
      return template.url();
    }

    @Override
    public byte[] body() {
      return template.body();
    }

    @Override
    public void body(byte[] body) {
      template.body(body, StandardCharsets.UTF_8);
    }

    @Override
    public void removeHeader(String name) {
      template.removeHeader(name);
    }

    @Override
    public void replaceHeader(String name, String value) {
      template.removeHeader(name);
      template.headerLiteral(name, value);
    }

    @Override
    public void replaceQuery(String name, String encodedValue) {
      template.query(name, List.of()); // Feign: an empty list removes the parameter
      if (encodedValue != null) {
        template.query(name, encodedValue);
      }
    }
  }
}
