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
 *   <li><b>Validate</b> every argument and body against the spec's constraints; any violation throws
 *       one {@link ValidationException} naming all of them, and nothing is sent.
 *   <li><b>Idempotency key</b>: the caller's, checked, or a new UUID, for operations that take one. It
 *       goes into the call's arguments, so every attempt sends the same key.
 * </ol>
 * <p><b>Once per attempt</b> (inside {@link RetryExecutor}, the only retry layer), after Feign has
 * encoded the request:
 * <ol start="3">
 *   <li><b>Authenticate</b>: the security scheme's header(s), only on operations whose spec asks for
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
  private final Map<String, OperationSpec> byConfigKey = new ConcurrentHashMap<>();

  /**
   * @param authenticate step 3; {@code timestamp} step 4; {@code sign} step 5 (each may be a no-op)
   */
  public CallPipeline(ApiSpec spec, ObjectMapper mapper, Clock clock, IdempotencyKeys keys,
      RetryExecutor retries, FailureTranslator failures, java.time.Duration callTimeout,
      AttemptStep authenticate, AttemptStep timestamp, AttemptStep sign) {
    this.spec = Objects.requireNonNull(spec);
    this.mapper = Objects.requireNonNull(mapper);
    this.clock = Objects.requireNonNull(clock);
    this.keys = Objects.requireNonNull(keys);
    this.retries = Objects.requireNonNull(retries);
    this.failures = Objects.requireNonNull(failures);
    this.attemptSteps = List.of(authenticate, timestamp, sign);
    this.callTimeout = Objects.requireNonNull(callTimeout);
  }

  /** The same pipeline with another deadline for each call; shares everything else. */
  CallPipeline withCallTimeout(java.time.Duration value) {
    CallPipeline copy = new CallPipeline(spec, mapper, clock, keys, retries, failures, value,
        attemptSteps.get(0), attemptSteps.get(1), attemptSteps.get(2));
    return copy;
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
    Objects.requireNonNull(inner, "inner");
    return (target, dispatch) -> newHandler(target, dispatch, inner.create(target, dispatch));
  }

  private InvocationHandler newHandler(Target target, Map<Method, MethodHandler> dispatch,
      InvocationHandler inner) {
    Map<Method, OperationBinding> bindings = new HashMap<>();
    for (MethodMetadata md : new Contract.Default().parseAndValidateMetadata(target.type())) {
      OperationBinding b = OperationBinding.bind(spec, md).orElseThrow(() -> new IllegalStateException(
          md.configKey() + " (" + md.template().method() + " " + md.template().path() + ") is not an"
              + " operation of the " + spec.provider() + " spec: paykit will not send a request it cannot"
              + " validate, authenticate, retry safely and decode"));
      bindings.put(md.method(), b);
      byConfigKey.put(md.configKey(), b.operation());
    }
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(target, proxy, method, args);
      }
      OperationBinding binding = bindings.get(method);
      if (binding == null) {
        return inner.invoke(proxy, method, args); // a default method: it calls the bound ones
      }
      return call(binding, attemptArgs -> inner.invoke(proxy, method, attemptArgs),
          args == null ? new Object[0] : args);
    };
  }

  /** One attempt: the invocation of the handler that Feign (and any other capability) built. */
  @FunctionalInterface
  private interface Attempt {
    Object invoke(Object[] args) throws Throwable;
  }

  private Object call(OperationBinding binding, Attempt handler, Object[] args) {
    CallReport report = CallReport.take();
    OperationSpec op = binding.operation();
    List<Violation> violations = binding.validate(args, mapper);                       // 1. validate
    if (!violations.isEmpty()) {
      throw new ValidationException(spec.provider(), op.operationId(), violations);
    }
    Object[] callArgs = args;
    String key = null;
    if (binding.takesIdempotencyKey()) {                                                // 2. key
      key = binding.idempotencyKey(args);
      if (key == null) {
        key = keys.generate();
        callArgs = binding.withIdempotencyKey(args, key);
      }
    }
    CallContext context = new CallContext(op, key, clock.instant(), callTimeout);
    Object[] referenceArgs = callArgs;
    context.referenceSource(() -> binding.reference(referenceArgs, mapper));
    CallContext outer = CallContext.current();
    CallContext.set(context);
    try {
      Object[] attemptArgs = callArgs;
      Object result = retries.execute(op, () -> {
        context.nextAttempt();
        try {
          return handler.invoke(attemptArgs);                                           // 3-7
        } catch (Error e) {
          throw e;
        } catch (Throwable t) {
          PaykitException failure = failures.translate(t, op.operationId());
          context.failed(failure);
          throw failure;
        }
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

  private void applyAttemptSteps(RequestTemplate template) {
    OperationSpec op = byConfigKey.get(template.methodMetadata().configKey());
    if (op == null) {
      op = spec.find(template.method(), template.methodMetadata().template().path()).orElse(null);
    }
    if (op == null) {
      return;
    }
    for (AttemptStep step : attemptSteps) {
      step.apply(template, op);
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
