package dev.paykit.spring.boot.feign;

import feign.Capability;
import feign.Client;
import feign.Contract;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The components of a paykit client's {@code feignBuilder()}, read through Feign's public {@link Capability}
 * API: a recording capability is added last to a fresh builder, which is then built once; Feign hands the
 * recorder every component (after paykit's own capability has enriched it). No reflection on Feign's
 * fields. Thread-safe once built.
 *
 * <p>Feign hands capabilities no enum-typed component, so the log level cannot be read this way: it is
 * {@code FULL} when wire logging is on and {@code NONE} otherwise, as in paykit's own builder.
 */
public final class PaykitFeignParts {

  private final Supplier<Feign.Builder> builders;
  private final Recorder parts;
  private final boolean wireLogging;

  /**
   * @param builders a fresh, fully wired builder on each call (e.g. {@code client::feignBuilder})
   * @param wireLogging whether the client was built with wire logging on
   */
  public PaykitFeignParts(Supplier<Feign.Builder> builders, boolean wireLogging) {
    this.builders = Objects.requireNonNull(builders, "builders");
    this.wireLogging = wireLogging;
    this.parts = record(builders.get());
    this.interceptor = new PaykitInterceptors(parts.interceptors);
  }

  /** {@return the client's contract for the generated interfaces} */
  public Contract contract() { return parts.contract; }
  /** {@return the client's encoder} */
  public Encoder encoder() { return parts.encoder; }
  /** {@return the client's decoder} */
  public Decoder decoder() { return parts.decoder; }
  /** {@return the client's typed error decoder} */
  public ErrorDecoder errorDecoder() { return parts.errorDecoder; }
  /** {@return the client's retryer ({@code Retryer.NEVER_RETRY})} */
  public Retryer retryer() { return parts.retryer; }
  /** {@return the client's HTTP transport} */
  public Client client() { return parts.client; }
  /** {@return the client's connect and read timeouts} */
  public Request.Options options() { return parts.options; }
  /** {@return the client's redacting logger} */
  public Logger logger() { return parts.logger; }
  /** {@return {@code FULL} when wire logging is on, {@code NONE} otherwise} */
  public Logger.Level logLevel() { return wireLogging ? Logger.Level.FULL : Logger.Level.NONE; }

  /** {@return paykit's request interceptors, in their order, as one interceptor (the same instance on each call)} */
  public RequestInterceptor requestInterceptor() {
    return interceptor;
  }

  private final PaykitInterceptors interceptor;

  /** paykit's own interceptors as one; the capability lets only this one through. */
  static final class PaykitInterceptors implements RequestInterceptor {
    private final List<RequestInterceptor> all;

    PaykitInterceptors(List<RequestInterceptor> interceptors) {
      this.all = List.copyOf(interceptors);
    }

    @Override
    public void apply(feign.RequestTemplate template) {
      all.forEach(i -> i.apply(template));
    }
  }

  /**
   * paykit's call pipeline (validation before sending, idempotency keys, the one retry layer, typed
   * failures) as a capability: it wraps whatever invocation handler factory the target builder has, exactly
   * as paykit's own capability wraps it in {@code feignBuilder()}.
   *
   * <p>It also keeps paykit's {@link #retryer()} whatever retryer the builder ends with: Spring Cloud applies
   * {@code spring.cloud.openfeign.client.config.default.retryer} (an application's global default, meant for
   * its other clients) on top of the configuration's beans, and Feign's retryer would re-send a payment
   * whose answer was lost, below paykit's retry layer and unseen by it. Capabilities are applied last, when
   * the client is built.
   *
   * @return a new pipeline capability over this client's builder and components
   */
  public Capability capability() {
    return new PipelineCapability(builders, parts);
  }

  /**
   * Public: Feign calls a capability's {@code enrich} methods reflectively. Besides the pipeline, it keeps every
   * component paykit's: Spring Cloud applies an application's {@code spring.cloud.openfeign.client.config.*}
   * (the {@code default} entry is meant for its other clients) and hands every Feign client the application
   * context's {@code RequestInterceptor} beans. On a paykit client a foreign interceptor would send the
   * application's own headers (an internal token) to the payment provider, after paykit signed the request;
   * a foreign decoder, error decoder, contract, client or logger would drop typed errors, validation's
   * bindings, the transport's timeouts or the redaction. So each is replaced by paykit's, and each foreign
   * interceptor is left out and logged once (WARN, its class only).
   */
  public static final class PipelineCapability implements Capability {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaykitFeignParts.class);
    private static final java.util.Set<Class<?>> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final RequestInterceptor LEFT_OUT = template -> { };

    private final Supplier<Feign.Builder> builders;
    private final Recorder parts;

    PipelineCapability(Supplier<Feign.Builder> builders, Recorder parts) {
      this.builders = builders;
      this.parts = Objects.requireNonNull(parts, "parts");
    }

    @Override
    public InvocationHandlerFactory enrich(InvocationHandlerFactory inner) {
      return record(builders.get().invocationHandlerFactory(inner)).invocationHandlerFactory;
    }

    /** paykit's retryer ({@code Retryer.NEVER_RETRY}), whatever Spring Cloud's properties set. */
    @Override
    public Retryer enrich(Retryer ignored) {
      return parts.retryer;
    }

    @Override public Contract enrich(Contract ignored) { return parts.contract; }
    @Override public Encoder enrich(Encoder ignored) { return parts.encoder; }
    @Override public Decoder enrich(Decoder ignored) { return parts.decoder; }
    @Override public ErrorDecoder enrich(ErrorDecoder ignored) { return parts.errorDecoder; }
    @Override public Client enrich(Client ignored) { return parts.client; }
    @Override public Logger enrich(Logger ignored) { return parts.logger; }

    /** paykit's own interceptor through; any other left out (see the class comment). */
    @Override
    public RequestInterceptor enrich(RequestInterceptor interceptor) {
      if (interceptor instanceof PaykitInterceptors) {
        return interceptor;
      }
      if (WARNED.add(interceptor.getClass())) {
        log.warn("RequestInterceptor {} is not applied to paykit's @FeignClient: paykit sends only what it signs "
            + "to a payment provider (Spring Cloud hands every Feign client the context's interceptors)",
            interceptor.getClass().getName());
      }
      return LEFT_OUT;
    }
  }

  private static Recorder record(Feign.Builder builder) {
    Recorder r = new Recorder();
    builder.addCapability(r).build();
    List<String> missing = new ArrayList<>();
    if (r.contract == null) missing.add("Contract");
    if (r.encoder == null) missing.add("Encoder");
    if (r.decoder == null) missing.add("Decoder");
    if (r.errorDecoder == null) missing.add("ErrorDecoder");
    if (r.retryer == null) missing.add("Retryer");
    if (r.client == null) missing.add("Client");
    if (r.options == null) missing.add("Request.Options");
    if (r.logger == null) missing.add("Logger");
    if (r.invocationHandlerFactory == null) missing.add("InvocationHandlerFactory");
    if (r.interceptors.isEmpty()) missing.add("RequestInterceptor");
    if (!missing.isEmpty()) {
      throw new IllegalStateException("this Feign version did not hand these components to capabilities: " + missing);
    }
    return r;
  }

  /** Records each component and returns it unchanged. Public: Feign calls {@code enrich} reflectively. */
  public static final class Recorder implements Capability {
    Recorder() {}

    Contract contract;
    Encoder encoder;
    Decoder decoder;
    ErrorDecoder errorDecoder;
    Retryer retryer;
    Client client;
    Request.Options options;
    Logger logger;
    InvocationHandlerFactory invocationHandlerFactory;
    final List<RequestInterceptor> interceptors = new ArrayList<>();

    @Override public Contract enrich(Contract v) { contract = v; return v; }
    @Override public Encoder enrich(Encoder v) { encoder = v; return v; }
    @Override public Decoder enrich(Decoder v) { decoder = v; return v; }
    @Override public ErrorDecoder enrich(ErrorDecoder v) { errorDecoder = v; return v; }
    @Override public Retryer enrich(Retryer v) { retryer = v; return v; }
    @Override public Client enrich(Client v) { client = v; return v; }
    @Override public Request.Options enrich(Request.Options v) { options = v; return v; }
    @Override public Logger enrich(Logger v) { logger = v; return v; }
    @Override public InvocationHandlerFactory enrich(InvocationHandlerFactory v) { invocationHandlerFactory = v; return v; }
    @Override public RequestInterceptor enrich(RequestInterceptor v) { interceptors.add(v); return v; }
  }
}
