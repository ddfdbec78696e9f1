package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.PaykitException;
import dev.paykit.core.internal.Redactor;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a provider's error response into a typed {@link PaykitException}: reads the body (at most
 * 64 KiB), lets the provider's {@link BodyReader} pick its code and message, adds {@code Retry-After} and
 * the request id, removes secrets, and lets the provider map the result ({@link Mapper}) — by default
 * {@link ApiException#forStatus}. Thread-safe.
 */
public final class ProviderErrorDecoder implements ErrorDecoder {

  private static final int MAX_BODY = 64 * 1024;

  /** Picks the provider's code and message out of an error body (parsed JSON, or null) and its text. */
  @FunctionalInterface
  public interface BodyReader {
    ErrorDetails read(ErrorDetails base, JsonNode json, String text);
  }

  /** Chooses the exception for the finished details; the default picks by HTTP status. */
  @FunctionalInterface
  public interface Mapper {
    PaykitException map(ErrorDetails details);
  }

  /**
   * Chooses the exception for the finished details and the parsed body (null when it was not JSON), for
   * providers whose exceptions carry more of the error object than {@link ErrorDetails} holds.
   */
  @FunctionalInterface
  public interface BodyMapper {
    PaykitException map(ErrorDetails details, JsonNode json);
  }

  private final String provider;
  private final ObjectMapper mapper;
  private final Redactor redactor;
  private final Clock clock;
  private final BodyReader reader;
  private final BodyMapper exceptionMapper;
  private final String requestIdHeader;

  public ProviderErrorDecoder(String provider, ObjectMapper mapper, Redactor redactor, Clock clock,
      BodyReader reader, Mapper exceptionMapper, String requestIdHeader) {
    this(provider, mapper, redactor, clock, reader, byDetails(exceptionMapper), requestIdHeader);
  }

  private ProviderErrorDecoder(String provider, ObjectMapper mapper, Redactor redactor, Clock clock,
      BodyReader reader, BodyMapper exceptionMapper, String requestIdHeader) {
    this.provider = provider;
    this.mapper = mapper;
    this.redactor = redactor;
    this.clock = clock;
    this.reader = reader;
    this.exceptionMapper = exceptionMapper;
    this.requestIdHeader = requestIdHeader;
  }

  /**
   * A decoder whose mapper also sees the parsed error body; a request id the reader found in the body
   * wins over {@code requestIdHeader}.
   */
  public static ProviderErrorDecoder withBodyMapper(String provider, ObjectMapper mapper, Redactor redactor,
      Clock clock, BodyReader reader, BodyMapper exceptionMapper, String requestIdHeader) {
    return new ProviderErrorDecoder(provider, mapper, redactor, clock, reader,
        java.util.Objects.requireNonNull(exceptionMapper, "exceptionMapper"), requestIdHeader);
  }

  private static BodyMapper byDetails(Mapper mapper) {
    Mapper m = mapper == null ? ApiException::forStatus : mapper;
    return (details, json) -> m.map(details);
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String text = bodyText(response);
    JsonNode json = null;
    try {
      json = text.isBlank() ? null : mapper.readTree(text);
    } catch (IOException notJson) {
      // keep the text; a proxy's HTML error page is still worth a message
    }
    ErrorDetails base = ErrorDetails.http(provider, response.status(), null, null);
    ErrorDetails read = reader.read(base, json, text);
    String message = read.providerMessage();
    if (message == null && !text.isBlank() && json == null) {
      message = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
    if (message == null) {
      message = response.reason();
    }
    String requestId = read.requestId() != null ? read.requestId() : header(response, requestIdHeader);
    ErrorDetails details = ErrorDetails.builder(provider)
        .operationId(CallContext.current() == null ? null : CallContext.current().operation().operationId())
        .httpStatus(response.status()).providerCode(redactor.redact(read.providerCode()))
        .providerMessage(redactor.redact(message))
        .requestId(redactor.redact(requestId)).retryable(read.retryable())
        .retryAfter(retryAfter(retryAfterHeader(response))).mayHaveBeenProcessed(read.mayHaveBeenProcessed())
        .build();
    return exceptionMapper.map(details, json);
  }

  /** Reads a {@code Retry-After} value: delta-seconds or an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Duration d = Duration.between(clock.instant(),
            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  private static String retryAfterHeader(Response response) {
    String v = header(response, "Retry-After");
    return v != null ? v : header(response, NoHiddenRetries.RETRY_AFTER);
  }

  private static String header(Response response, String name) {
    if (name == null) {
      return null;
    }
    for (Map.Entry<String, Collection<String>> e : response.headers().entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }

  private static String bodyText(Response response) {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
