package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.core.PaykitException;
import dev.paykit.core.ValidationException;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.OperationSpec;
import dev.paykit.core.Violation;
import feign.Capability;
import feign.Contract;
import feign.InvocationHandlerFactory;
import feign.InvocationHandlerFactory.MethodHandler;
import feign.MethodMetadata;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request pipeline, and the one place that states its order. Every call of a generated Feign
 * interface built through {@link ClientRuntime} goes through these steps:
 *
 * <p><b>Once per logical call</b> (before the retry loop):
 * <ol>
 *   <li><b>Validate</b> every argument and body against the spec's constraints, then the provider's
 *       own rules that the spec cannot state ({@link RequestCheck}, per operation); any violation throws
 *       one {@link ValidationException} naming all of them, and nothing is sent. The files of a
 *       multipart body are first read into memory, once ({@link MultipartBinding}): what is validated is
 *       exactly what every attempt sends.
 *   <li><b>Idempotency key</b>: the caller's (an argument, or {@link dev.paykit.core.RequestOptions}),
 *       checked, or a new UUID, for operations that take one. The pipeline is the key's only owner: it
 *       goes into the call's arguments, so every attempt sends the same key, and a facade learns it
 *       from its {@link CallReport}. The call's options (the client view's, then the call's own: key,
 *       deadline, extra headers, scope) are checked here too.
 * </ol>
 * <p><b>Once per attempt</b> (inside {@link RetryExecutor}, the only retry layer), after Feign has
 * encoded the request:
 * <ol start="3">
 *   <li><b>Options</b>: the call's extra headers and its scope (the spec's header marked
 *       {@code x-paykit-derived: scope}), then
 *       <b>authenticate</b>: the security scheme's header(s), only on operations whose spec asks for
 *       them, plus any identification fields;
 *   <li><b>Timestamp</b>, fresh on each attempt, where the provider wants one;
 *   <li><b>Sign</b> last, over the final request;
 *   <li><b>Send</b> on the pooled OkHttp client (its own and Feign's retries off);
 *   <li><b>Decode</b>: the answer is checked against the spec ({@link ResponseGuard}: listed status,
 *       complete JSON, required fields), then the typed model, or the provider's error decoder's typed
 *       exception.
 * </ol>
 * <p><b>Once per call</b>, after the last attempt:
 * <ol start="8">
 *   <li><b>Outcome</b>: for an operation that can have an effect, a final failure after which the
 *       provider may have acted (this attempt's or any earlier one's) becomes an
 *       {@link dev.paykit.core.OutcomeUnknownException} naming the key, the reference and how to resolve
 *       it ({@link Outcomes}).
 * </ol>
 * <p>The whole call, every attempt and every wait, ends by its deadline
 * ({@link dev.paykit.core.HttpOptions#callTimeout()}), which the transport enforces per attempt.
 * Steps 3 to 5 run from a single Feign {@link RequestInterceptor} in this fixed order, because Feign
 * guarantees no order between interceptors.
 *
 * <p>The client's {@link dev.paykit.core.CallObserver}s hear of each call (from before step 1 to after
 * step 8) and each attempt (steps 3 to 7), through {@link CallObservers}, which keeps them from changing
 * anything.
 *
 * <p>A method of a targeted interface that is not an operation of the spec (its HTTP method and path
 * are not in it) is refused with a {@link ValidationException} and never sent; default methods run as
 * written.
 *
 * <p>Thread-safe; one per client. Bindings of methods to operations are computed once per proxy.
 */
public final class CallPipeline implements Capability {

  private final ApiSpec spec;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final IdempotencyKeys keys;
  private final RetryExecutor retries;
  private final FailureTranslator failures;
  private final List<AttemptStep> attemptSteps;
  private final java.time.Duration callTimeout;
  private final dev.paykit.core.RequestOptions defaults;
  private final Map<String, OperationSpec> byConfigKey;
  private final Map<String, List<RequestCheck>> requestChecks;
  private final CallObservers observers;
  private final ConditionalReads conditionalReads;

  /**
   * @param authenticate step 3; {@code timestamp} step 4; {@code sign} step 5 (each may be a no-op)
   */
  public CallPipeline(ApiSpec spec, ObjectMapper mapper, Clock clock, IdempotencyKeys keys,
      RetryExecutor retries, FailureTranslator failures, java.time.Duration callTimeout,
      AttemptStep authenticate, AttemptStep timestamp, AttemptStep sign) {
    this(spec, mapper, clock, keys, retries, failures, callTimeout, authenticate, timestamp, sign, Map.of());
  }

  /**
   * @param requestChecks the provider's own rules per operation id, checked at step 1 with the spec's
   *     ({@link RequestCheck})
   */
  public CallPipeline(ApiSpec spec, ObjectMapper mapper, Clock clock, IdempotencyKeys keys,
      RetryExecutor retries, FailureTranslator failures, java.time.Duration callTimeout,
      AttemptStep authenticate, AttemptStep timestamp, AttemptStep sign,
      Map<String, List<RequestCheck>> requestChecks) {
    this(spec, mapper, clock, keys, retries, failures, callTimeout, List.of(authenticate, timestamp, sign),
        dev.paykit.core.RequestOptions.none(), new ConcurrentHashMap<>(), copy(requestChecks), CallObservers.NONE,
        null);
  }

  private static Map<String, List<RequestCheck>> copy(Map<String, List<RequestCheck>> checks) {
    Map<String, List<RequestCheck>> out = new HashMap<>();
    checks.forEach((id, list) -> out.put(id, List.copyOf(list)));
    return Map.copyOf(out);
  }

  private CallPipeline(ApiSpec spec, ObjectMapper mapper, Clock clock, IdempotencyKeys keys,
      RetryExecutor retries, FailureTranslator failures, java.time.Duration callTimeout,
      List<AttemptStep> attemptSteps, dev.paykit.core.RequestOptions defaults,
      Map<String, OperationSpec> byConfigKey, Map<String, List<RequestCheck>> requestChecks,
      CallObservers observers, ConditionalReads conditionalReads) {
    this.spec = Objects.requireNonNull(spec);
    this.mapper = Objects.requireNonNull(mapper);
    this.clock = Objects.requireNonNull(clock);
    this.keys = Objects.requireNonNull(keys);
    this.retries = Objects.requireNonNull(retries);
    this.failures = Objects.requireNonNull(failures);
    this.attemptSteps = attemptSteps;
    this.callTimeout = Objects.requireNonNull(callTimeout);
    this.defaults = defaults;
    this.byConfigKey = byConfigKey;
    this.requestChecks = requestChecks;
    this.observers = Objects.requireNonNull(observers);
    this.conditionalReads = conditionalReads;
  }

  /**
   * The same pipeline whose calls follow these options (a client view); shares everything else. A view
   * cannot carry an idempotency key: a key belongs to one call.
   */
  CallPipeline withDefaults(dev.paykit.core.RequestOptions options) {
    if (options.idempotencyKey() != null) {
      throw new IllegalArgumentException("a client view cannot carry an idempotency key: a key belongs to"
          + " one call (pass the options to that call instead)");
    }
    return new CallPipeline(spec, mapper, clock, keys, retries, failures, callTimeout, attemptSteps,
        options.over(defaults), byConfigKey, requestChecks, observers, conditionalReads);
  }

  /** The same pipeline, its calls and attempts told to these observers. */
  CallPipeline observedBy(CallObservers observers) {
    return new CallPipeline(spec, mapper, clock, keys, retries, failures, callTimeout, attemptSteps, defaults,
        byConfigKey, requestChecks, observers, conditionalReads);
  }

  /**
   * The same pipeline with conditional reads: after the provider's steps, each attempt of a read the spec
   * lists a 304 for names the ETag of its cached answer ({@link ConditionalReads}).
   */
  CallPipeline conditionalReads(ConditionalReads reads) {
    return new CallPipeline(spec, mapper, clock, keys, retries, failures, callTimeout, attemptSteps, defaults,
        byConfigKey, requestChecks, observers, reads);
  }

  /** Steps 3 to 5, as one interceptor. */
  public RequestInterceptor attemptInterceptor() {
    return this::applyAttemptSteps;
  }

  /**
   * Wraps the invocation handler factory Feign (or another capability) built: each attempt of a call is
   * one invocation of the handler {@code inner} makes, so what another capability adds around an
   * invocation runs on every attempt, inside the pipeline's validation, key and retries.
   */
  @Override
  public InvocationHandlerFactory enrich(InvocationHandlerFactory inner) {
    return enrich(inner, null);
  }

  /**
   * As {@link #enrich(InvocationHandlerFactory)}, except that with {@code direct} each attempt of a method
   * that a {@link DirectCall} can send is sent by it, on the runtime's transport and codecs, instead of by
   * the handler {@code inner} makes (which keeps every other method). For a client's own proxies, whose
   * Feign builder carries nothing but the runtime's parts ({@link ClientRuntime#api}).
   */
  InvocationHandlerFactory enrich(InvocationHandlerFactory inner, DirectCall.Wiring direct) {
    Objects.requireNonNull(inner, "inner");
    return (target, dispatch) -> newHandler(target, dispatch, inner.create(target, dispatch), direct);
  }

  /**
   * Each interface's methods as Feign's default contract reads them, parsed once per JVM (the
   * annotations of a loaded class do not change); only read, never handed to Feign.
   */
  private static final ClassValue<List<MethodMetadata>> METADATA = new ClassValue<>() {
    @Override
    protected List<MethodMetadata> computeValue(Class<?> type) {
      return List.copyOf(new Contract.Default().parseAndValidateMetadata(type));
    }
  };

  /** The key of an interface's bindings among its spec's {@linkplain ApiSpec#derived derived values}. */
  private record BindingsOf(Class<?> type) {}

  /**
   * The interface's methods bound to the spec's operations: derived from the spec and the interface alone
   * (bindings are immutable), so bound once per spec and interface and shared by every client.
   */
  private static Map<Method, OperationBinding> bindings(ApiSpec spec, Class<?> type) {
    return spec.derived(new BindingsOf(type), s -> {
      Map<Method, OperationBinding> bindings = new HashMap<>();
      for (MethodMetadata md : METADATA.get(type)) {
        OperationBinding b = OperationBinding.bind(s, md).orElseThrow(() -> new IllegalStateException(
            md.configKey() + " (" + md.template().method() + " " + md.template().path() + ") is not an"
                + " operation of the " + s.provider() + " spec: paykit will not send a request it cannot"
                + " validate, authenticate, retry safely and decode"));
        bindings.put(md.method(), b);
      }
      return Map.copyOf(bindings);
    });
  }

  private InvocationHandler newHandler(Target target, Map<Method, MethodHandler> dispatch,
      InvocationHandler inner, DirectCall.Wiring wiring) {
    Map<Method, OperationBinding> bindings = bindings(spec, target.type());
    for (MethodMetadata md : METADATA.get(target.type())) {
      byConfigKey.put(md.configKey(), bindings.get(md.method()).operation());
    }
    Map<Method, Attempt> direct = new HashMap<>();
    String base = wiring == null ? null : DirectCall.base(target.url());
    if (base != null) {
      DirectCall.plans(target.type()).forEach((method, plan) -> {
        OperationBinding binding = bindings.get(method);
        if (binding != null) {
          direct.put(method, plan.bind(wiring, binding.operation(), base)::invoke);
        }
      });
    }
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(target, proxy, method, args);
      }
      OperationBinding binding = bindings.get(method);
      if (binding == null) {
        return inner.invoke(proxy, method, args); // a default method: it calls the bound ones
      }
      Attempt attempt = direct.get(method);
      return call(binding, attempt != null ? attempt : attemptArgs -> inner.invoke(proxy, method, attemptArgs),
          args == null ? new Object[0] : args);
    };
  }

  /** One attempt: the invocation of the handler that Feign (and any other capability) built. */
  @FunctionalInterface
  private interface Attempt {
    Object invoke(Object[] args) throws Throwable;
  }

  /** One call, told to the observers (a no-op without any): they never change it. */
  private Object call(OperationBinding binding, Attempt handler, Object[] args) {
    CallObservers.Observed observed = observers.start(spec.provider(), binding.operation().operationId());
    try {
      Object result = call(binding, handler, args, observed);
      observed.callFinished(null);
      return result;
    } catch (RuntimeException | Error e) {
      observed.callFinished(e);
      throw e;
    }
  }

  private Object call(OperationBinding binding, Attempt handler, Object[] args, CallObservers.Observed observed) {
    CallReport report = CallReport.take();
    OperationSpec op = binding.operation();
    dev.paykit.core.RequestOptions options = report == null ? defaults : report.options().over(defaults);
    Object[] inMemory = binding.inMemory(args); // multipart files read once: validated as sent, every attempt
    List<Violation> violations = binding.validate(inMemory, mapper);                   // 1. validate
    List<RequestCheck> checks = requestChecks.getOrDefault(op.operationId(), List.of());
    if (!checks.isEmpty()) {
      RequestCheck.Request request = binding.request(inMemory, mapper);
      for (RequestCheck check : checks) {
        check.check(request, violations);                                                // the provider's own rules
      }
    }
    Object[] callArgs = inMemory;
    String key = null;
    if (binding.takesIdempotencyKey()) {                                                // 2. key
      String given = binding.idempotencyKey(args);
      String optionKey = options.idempotencyKey();
      if (given != null && optionKey != null && !given.equals(optionKey)) {
        violations.add(new Violation("idempotencyKey", "conflict",
            "was given both as an argument and in the request options, with different values"));
      }
      key = given != null ? given : optionKey;
      if (given == null && key != null) {
        binding.checkIdempotencyKey(key).ifPresent(violations::add);
      }
      if (key == null) {
        key = keys.generate();
      }
      if (given == null) {
        callArgs = binding.withIdempotencyKey(callArgs, key);
      }
    } else if (options.idempotencyKey() != null) {
      violations.add(new Violation("idempotencyKey", "unsupported", op.operationId() + " takes no"
          + " idempotency key, so one would not make it safe to repeat"
          + op.referenceField().map(f -> ": repeat it with the same " + f + " instead").orElse("")));
    }
    checkOptions(op, options, violations);
    if (!violations.isEmpty()) {
      throw new ValidationException(spec.provider(), op.operationId(), violations);
    }
    if (report != null) {
      report.key(key);
    }
    java.time.Duration timeout = options.callTimeout() != null ? options.callTimeout() : callTimeout;
    CallContext context = new CallContext(op, key, clock.instant(), timeout, options);
    Object[] referenceArgs = callArgs;
    context.referenceSource(() -> binding.reference(referenceArgs, mapper));
    CallContext outer = CallContext.current();
    CallContext.set(context);
    try {
      Object[] attemptArgs = callArgs;
      Object result = retries.execute(op, () -> {
        context.nextAttempt();
        observed.attemptStarted(context.attempt());
        Object answer;
        try {
          answer = handler.invoke(attemptArgs);                                         // 3-7
        } catch (Error e) {
          observed.attemptFinished(context.attempt(), e, context.responseStatus(), false);
          throw e;
        } catch (Throwable t) {
          PaykitException failure = failures.translate(t, op.operationId());
          context.failed(failure);
          if (observed.active()) { // the retry layer keeps the decision taken here for the observers
            observed.attemptFinished(context.attempt(), failure, context.responseStatus(), retries.decide(failure));
          }
          throw failure;
        }
        // told outside the attempt's try: nothing an observer does can turn an answer into a failure
        observed.attemptFinished(context.attempt(), null, context.responseStatus(), false);
        return answer;
      });
      if (report != null) {
        report.fill(context.attempt(), Outcomes.anyUnknown(context.failures()));
      }
      return result;
    } catch (PaykitException last) {
      if (report != null) {
        report.fill(context.attempt(), Outcomes.anyUnknown(context.failures()));
      }
      // 8. the outcome: a failure after which the provider may have acted is never reported as one
      throw Outcomes.finalFailure(last, context, context.reference());
    } finally {
      CallContext.set(outer);
    }
  }

  /** The options' extra headers and scope, as the operation can take them. */
  private void checkOptions(OperationSpec op, dev.paykit.core.RequestOptions options, List<Violation> out) {
    options.headers().forEach((name, value) -> {
      if (spec.reservedHeader(name)) {
        out.add(new Violation("headers." + name, "reserved", "is set by the client or is a parameter of"
            + " the " + spec.provider() + " API, so it cannot be added as an extra header"));
      } else if (!OperationBinding.isHeaderText(value)) {
        out.add(new Violation("headers." + name, OperationBinding.HEADER_TEXT, "must be printable ASCII"
            + " text: a header value cannot carry line breaks, control characters or non-ASCII characters"));
      }
    });
    if (options.scope() != null) {
      java.util.Optional<dev.paykit.core.internal.spec.ParameterSpec> scope = scopeHeader(op);
      if (scope.isEmpty()) {
        out.add(new Violation("scope", "unsupported", op.operationId() + " of the " + spec.provider()
            + " API cannot act for another account"));
      } else {
        int before = out.size();
        spec.validator().validate("scope", com.fasterxml.jackson.databind.node.TextNode.valueOf(options.scope()),
            scope.get().schema(), out);
        if (out.size() == before && !OperationBinding.isHeaderText(options.scope())) {
          out.add(new Violation("scope", OperationBinding.HEADER_TEXT, "must be printable ASCII text"));
        }
      }
    }
  }

  private static java.util.Optional<dev.paykit.core.internal.spec.ParameterSpec> scopeHeader(OperationSpec op) {
    return op.parameters().stream().filter(p -> "header".equals(p.in()) && "scope".equals(p.derived()))
        .findFirst();
  }

  /** Per attempt, before the provider's steps: the options' extra headers and scope. */
  private static void applyOptions(AttemptRequest request, OperationSpec op) {
    CallContext call = CallContext.current();
    if (call == null) {
      return;
    }
    dev.paykit.core.RequestOptions options = call.options();
    options.headers().forEach(request::replaceHeader);
    if (options.scope() != null) {
      scopeHeader(op).ifPresent(p -> request.replaceHeader(p.name(), options.scope()));
    }
  }

  private void applyAttemptSteps(RequestTemplate template) {
    OperationSpec op = byConfigKey.get(template.methodMetadata().configKey());
    if (op == null) {
      op = spec.find(template.method(), template.methodMetadata().template().path()).orElse(null);
    }
    if (op == null) {
      return;
    }
    applyAttemptSteps(AttemptRequest.of(template), op);
  }

  /** Steps 3 to 5 (and the conditional read's header) on one attempt's encoded request. */
  void applyAttemptSteps(AttemptRequest request, OperationSpec op) {
    applyOptions(request, op);
    if (!op.hasDerivedFormFields()) {
      for (AttemptStep step : attemptSteps) {
        step.apply(request, op);
      }
      if (conditionalReads != null) {
        conditionalReads.prepare(request, op); // last: the body is final (its derived fields are left out)
      }
      return;
    }
    // the steps fill and sign one shared form, decoded once and encoded once (FormBody.open)
    try (FormBody.Attempt form = FormBody.open(request, op.formFieldNames())) {
      for (AttemptStep step : attemptSteps) {
        step.apply(request, op);
      }
      form.commit();
    }
    if (conditionalReads != null) {
      conditionalReads.prepare(request, op);
    }
  }

  private static Object objectMethod(Target<?> target, Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> args != null && args.length == 1 && proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "paykit client " + target.type().getSimpleName() + " -> " + target.url();
    };
  }
}
