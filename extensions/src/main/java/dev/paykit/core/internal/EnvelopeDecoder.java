package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.PaykitException;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.EnvelopeSpec;
import dev.paykit.core.internal.spec.WireNormalizer;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * The success-answer decoder of a provider whose answers come in an envelope, driven by the spec's
 * {@code x-paykit-envelope} ({@link EnvelopeSpec}) instead of code written per provider. For each answer:
 *
 * <ol>
 *   <li>the JSON is read (the tree {@link ResponseGuard} already read, when it read one: each answer is
 *       parsed once) and scrubbed of the client's secrets ({@link JsonScrubber}), so an echoed key
 *       never reaches a result or an exception;
 *   <li>its envelope is found from its schema: the operation's response for this status, else the
 *       component schema named like the requested type, else the spec's
 *       {@linkplain ApiSpec#defaultEnvelope() shared envelope};
 *   <li>the payload is moved under the envelope's canonical key when it came under another one
 *       ({@link EnvelopeSpec#canonicalise}), so the generated model's {@code getData()} always has it;
 *   <li>the answer is brought to the spec's shape ({@link WireNormalizer}: numeric codes, read aliases);
 *   <li>the provider's code and message are read from the fields the envelope names and handed, as an
 *       {@link Answer}, to the provider's {@link CodeTable}, which may throw the code's typed exception
 *       (a failure, or an unknown outcome); then the envelope's {@code success} rule, when it has one:
 *       an answer that failed by it throws {@link ApiException#forStatus(int, ErrorDetails)} for the HTTP
 *       status its code names (a provider that repeats the HTTP status in the body, e.g. {@code code:
 *       404} in a {@code 200}), else for the answer's own status, with the provider's message, redacted;
 *       an answer that does not say is an {@link UnexpectedResponseException};
 *   <li>the tree is bound to the requested type.
 * </ol>
 *
 * <p>An answer with no envelope is only scrubbed, normalised and bound. {@link ResponseGuard} still checks
 * every answer afterwards (status, completeness, the payload's presence and required fields). Error
 * statuses go to the error decoder: {@link #readError} reads an enveloped error body's code and message the
 * same way. Thread-safe.
 */
public final class EnvelopeDecoder implements Decoder {

  /** A provider's table of codes: what an answer's code means. */
  @FunctionalInterface
  public interface CodeTable {
    /**
     * The exception the answer's code reports (a typed failure, an unknown outcome), or null when the
     * answer is a result (success, pending, or a code the table does not know).
     */
    PaykitException failure(Answer answer);

    /**
     * Whether this table decides whether an answer reports a failure from its code, its message, the
     * envelope's success member and the call alone: never from the payload ({@link Answer#data}) or
     * another member of the body (it may read them to build the failure it returns). Only then may a
     * clean answer be bound from its bytes ({@link ResponseGuard#prebound}): the table is first asked on
     * an {@link Answer} whose {@code data} is null and whose {@code body} holds only those members, and
     * asked again with the whole answer when it reports a failure there. False by default: every answer
     * goes through the tree.
     */
    default boolean decidesOnEnvelopeMembers() {
      return false;
    }

    /** {@code table}, declared to decide on the envelope's code, message and success members alone. */
    static CodeTable onEnvelopeMembers(CodeTable table) {
      java.util.Objects.requireNonNull(table, "table");
      return new CodeTable() {
        @Override
        public PaykitException failure(Answer answer) {
          return table.failure(answer);
        }

        @Override
        public boolean decidesOnEnvelopeMembers() {
          return true;
        }
      };
    }
  }

  /** Wraps a decoded body with the answer's status and headers (a generated {@code ApiResponse::new}). */
  @FunctionalInterface
  public interface HttpInfo {
    Object wrap(int status, Map<String, Collection<String>> headers, Object body);
  }

  /**
   * One success answer as its envelope reads it.
   *
   * @param provider the provider id
   * @param call the call it answers, or null outside a pipeline call
   * @param httpStatus the answer's HTTP status
   * @param code the provider's code ({@link EnvelopeSpec#code}), or null
   * @param message the provider's message, redacted, or null
   * @param data the payload (already under the canonical key), or null
   * @param body the whole answer, scrubbed and normalised
   */
  public record Answer(String provider, CallContext call, int httpStatus, String code, String message,
      JsonNode data, JsonNode body) {

    /** Details of a failure this answer reports: provider, operation, HTTP status, code and message. */
    public ErrorDetails.Builder details() {
      return ErrorDetails.builder(provider).operationId(call == null ? null : call.operation().operationId())
          .httpStatus(httpStatus).providerCode(code).providerMessage(message);
    }

    /** Whether the call can have an effect (false outside a pipeline call). */
    public boolean effectful() {
      return call != null && call.operation().effectful();
    }
  }

  private final ApiSpec spec;
  private final ObjectMapper mapper;
  private final Redactor redactor;
  private final CodeTable codes;
  private final WireNormalizer normalizer;
  private final Class<?> httpInfoType;
  private final HttpInfo httpInfo;
  /** The reader of each answer type, made once (shared with the {@link #withHttpInfo} copies). */
  private final Map<Type, com.fasterxml.jackson.databind.ObjectReader> readers;

  /**
   * @param codes the provider's code table, or null when the envelope's {@code success} rule (or
   *     nothing) decides
   */
  public EnvelopeDecoder(ApiSpec spec, ObjectMapper mapper, Redactor redactor, CodeTable codes) {
    this(spec, mapper, redactor, codes, WireNormalizer.of(spec), null, null,
        new java.util.concurrent.ConcurrentHashMap<>());
  }

  private EnvelopeDecoder(ApiSpec spec, ObjectMapper mapper, Redactor redactor, CodeTable codes,
      WireNormalizer normalizer, Class<?> httpInfoType, HttpInfo httpInfo,
      Map<Type, com.fasterxml.jackson.databind.ObjectReader> readers) {
    this.readers = readers;
    this.spec = spec;
    this.mapper = mapper;
    this.redactor = redactor;
    this.codes = codes;
    this.normalizer = normalizer;
    this.httpInfoType = httpInfoType;
    this.httpInfo = httpInfo;
  }

  /**
   * This decoder, also for the generated {@code ...WithHttpInfo} methods: a requested {@code type<T>} is
   * decoded as {@code T} and wrapped with the status and headers, e.g.
   * {@code withHttpInfo(ApiResponse.class, ApiResponse::new)}.
   */
  public EnvelopeDecoder withHttpInfo(Class<?> type, HttpInfo wrap) {
    return new EnvelopeDecoder(spec, mapper, redactor, codes, normalizer, type, wrap, readers);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (httpInfoType != null && type instanceof ParameterizedType p && Types.getRawType(type) == httpInfoType) {
      Object body = decode(response, p.getActualTypeArguments()[0]);
      return httpInfo.wrap(response.status(), Collections.unmodifiableMap(response.headers()), body);
    }
    if (response.body() == null || type == void.class) {
      return null;
    }
    ResponseGuard.Prebound bound = ResponseGuard.prebound(response, mapper, type);
    if (bound != null && accepts(bound.clean(), response.status(), type)) {
      return bound.value();
    }
    // the tree ResponseGuard already read from this answer, else the body parsed here: parsed once
    JsonNode tree = ResponseGuard.parsedTree(response, mapper);
    if (tree == null) {
      try (InputStream in = response.body().asInputStream()) {
        tree = mapper.readTree(in);
      }
    }
    if (tree == null || tree.isMissingNode()) {
      return null;
    }
    JsonScrubber.scrub(tree, redactor); // an echoed API key never reaches a result or an exception
    CallContext call = CallContext.current();
    JsonNode schema = schema(call, response.status(), type);
    EnvelopeSpec envelope = envelope(schema);
    if (envelope != null) {
      envelope.canonicalise(tree); // before normalising: the payload's own schema is the canonical key's
      if (schema == null) {
        schema = envelope.schema();
      }
    }
    tree = normalizer.normalize(tree, schema);
    if (envelope != null) {
      check(envelope, tree, response.status(), call);
    }
    return readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t))).readValue(tree);
  }

  /**
   * Whether the guard's value bound from the bytes ({@link ResponseGuard#prebound}) is what this decoder
   * would give from the tree, having nothing to do and nothing to throw: the answer was found clean
   * ({@link AnswerScan}) with this decoder's redactor (no string to scrub), for the schema this decoder
   * normalises with (nothing to normalise, the payload under its canonical key), and its envelope's code,
   * message and success member say it is a result (a code table that decides on those alone reports
   * nothing, the success rule holds or there is none). Otherwise, also when the code table reports a
   * failure, the tree decides: the failure is then built from the whole answer, payload included.
   */
  private boolean accepts(AnswerScan.Clean clean, int status, Type type) {
    CallContext call = CallContext.current();
    JsonNode schema = schema(call, status, type);
    EnvelopeSpec envelope = envelope(schema);
    if (envelope != null && schema == null) {
      schema = envelope.schema();
    }
    if (clean.scrubbedFor() != redactor || schema == null || clean.schema() != schema
        || (codes != null && !codes.decidesOnEnvelopeMembers())) {
      return false;
    }
    if (envelope != null) {
      JsonNode skeleton = clean.skeleton();
      Answer answer = new Answer(spec.provider(), call, status, envelope.code(skeleton),
          redactor.redact(envelope.message(skeleton)), null, skeleton);
      EnvelopeSpec.Outcome outcome = envelope.outcome(skeleton);
      if ((codes != null && codes.failure(answer) != null)
          || outcome == EnvelopeSpec.Outcome.FAILED || outcome == EnvelopeSpec.Outcome.UNSAID) {
        return false;
      }
    }
    return true;
  }

  /** Throws what the answer reports, if it reports a failure. */
  private void check(EnvelopeSpec envelope, JsonNode tree, int status, CallContext call) {
    Answer answer = new Answer(spec.provider(), call, status, envelope.code(tree),
        redactor.redact(envelope.message(tree)), envelope.payload(tree), tree);
    if (codes != null) {
      PaykitException reported = codes.failure(answer);
      if (reported != null) {
        throw reported;
      }
    }
    switch (envelope.outcome(tree)) {
      case FAILED -> {
        int named = httpStatusNamedBy(answer.code());
        throw ApiException.forStatus(named != 0 ? named : status, answer.details().build());
      }
      case UNSAID -> throw new UnexpectedResponseException(answer.details().providerCode(null)
          .providerMessage("the answer's " + envelope.success().field()
              + " does not say whether the request succeeded").retryable(true).build(), null);
      default -> { }
    }
  }

  /** The HTTP error status (400-599) a code names when the code is one, else 0. */
  private static int httpStatusNamedBy(String code) {
    if (code == null || code.length() != 3) {
      return 0;
    }
    try {
      int status = Integer.parseInt(code);
      return status >= 400 && status <= 599 ? status : 0;
    } catch (NumberFormatException notAStatus) {
      return 0;
    }
  }

  /**
   * A {@link ProviderErrorDecoder.BodyReader} for enveloped error bodies: the code and message from the
   * fields the envelope of the operation's response for this status names (or the spec's shared envelope
   * when the answer's schema is not known). A body without an envelope keeps {@code base}.
   */
  public ErrorDetails readError(ErrorDetails base, JsonNode json, String text) {
    if (json == null) {
      return base;
    }
    CallContext call = CallContext.current();
    JsonNode schema = call == null ? null : normalizer.responseSchema(call.operation(), base.httpStatus()).orElse(null);
    EnvelopeSpec envelope = envelope(schema);
    if (envelope == null) {
      return base;
    }
    return base.toBuilder().providerCode(envelope.code(json)).providerMessage(envelope.message(json)).build();
  }

  /** The envelope of a schema; the spec's shared one when the schema is not known. */
  private EnvelopeSpec envelope(JsonNode schema) {
    return (schema == null ? spec.defaultEnvelope() : spec.envelope(schema)).orElse(null);
  }

  /** The answer's schema: the operation's response for this status, else the model's own schema. */
  private JsonNode schema(CallContext call, int status, Type type) {
    return (call == null ? Optional.<JsonNode>empty() : normalizer.responseSchema(call.operation(), status))
        .or(() -> normalizer.componentSchema(Types.getRawType(type).getSimpleName()))
        .orElse(null);
  }
}
