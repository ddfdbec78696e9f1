package dev.paykit.spring.boot.feign;

import feign.Capability;
import feign.Client;
import feign.Contract;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import org.springframework.cloud.openfeign.FeignLoggerFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Base of the per-provider Feign configurations ({@link PromptCashFeignConfiguration}...): every component
 * Spring Cloud OpenFeign takes from a client's configuration, taken from the provider client's own
 * {@code feignBuilder()} so a {@code @FeignClient} over a generated interface gets the whole pipeline —
 * {@code Contract} for the generated {@code @RequestLine} interfaces, paykit's encoder (plain decimals, forms,
 * multipart), decoder and typed error decoder, {@code Retryer.NEVER_RETRY} (paykit's retry layer is the only
 * one), paykit's OkHttp transport and timeouts, the redacting logger, the attempt interceptor (auth,
 * timestamps, signatures) and the capability (validation before sending, idempotency keys, retries).
 *
 * <p>Not a {@code @Configuration}: name it in {@code @FeignClient(configuration = ...)} only, so its beans
 * live in that client's own Feign context. {@code spring.cloud.openfeign.client.config.*} properties (the
 * {@code default} entry too) and the context's {@code RequestInterceptor} beans, which Spring Cloud applies on
 * top of these beans, do not change the client: the capability keeps every paykit part and leaves out every
 * interceptor that is not paykit's ({@link PaykitFeignParts.PipelineCapability}).
 *
 * <p>Found in the application's own context instead (a {@code @Configuration} on it or a subclass, or a
 * component scan), it refuses to start: its beans would become the defaults of every {@code @FeignClient} of
 * the application, and its interceptor (this provider's credentials and signatures) is inherited by all of
 * them, other providers' paykit clients included.
 */
public abstract class PaykitFeignConfiguration implements EnvironmentAware {

  /** Set by Spring Cloud OpenFeign in each {@code @FeignClient}'s own context (its {@code NamedContextFactory}). */
  static final String FEIGN_CLIENT_NAME_PROPERTY = "spring.cloud.openfeign.client.name";

  private final PaykitFeignParts parts;

  /**
   * Makes the configuration of one provider's client.
   *
   * @param parts the provider client's Feign components, read once from its {@code feignBuilder()}
   */
  protected PaykitFeignConfiguration(PaykitFeignParts parts) {
    this.parts = parts;
  }

  /** Refuses the application's own context: see the class comment. */
  @Override
  public void setEnvironment(Environment environment) {
    if (environment.getProperty(FEIGN_CLIENT_NAME_PROPERTY) == null) {
      String name = ClassUtils.getUserClass(getClass()).getName();
      throw new IllegalStateException(name + " is registered in the application context (a @Configuration on it, "
          + "an @Import or a component scan found it): name it only in @FeignClient(configuration = ...). "
          + "Registered here, its Feign beans (contract, encoder, this provider's credentials and signing "
          + "interceptor) would reach every @FeignClient of the application.");
    }
  }

  /** {@return the client's contract for the generated {@code @RequestLine} interfaces} */
  @Bean
  public Contract paykitFeignContract() { return parts.contract(); }

  /** {@return paykit's encoder (plain decimals, forms, multipart)} */
  @Bean
  public Encoder paykitFeignEncoder() { return parts.encoder(); }

  /** {@return paykit's decoder of the provider's answers} */
  @Bean
  public Decoder paykitFeignDecoder() { return parts.decoder(); }

  /** {@return paykit's error decoder, turning provider errors into typed exceptions} */
  @Bean
  public ErrorDecoder paykitFeignErrorDecoder() { return parts.errorDecoder(); }

  /** {@return {@code Retryer.NEVER_RETRY}: paykit's retry layer is the only one} */
  @Bean
  public Retryer paykitFeignRetryer() { return parts.retryer(); }

  /** {@return paykit's OkHttp transport} */
  @Bean
  public Client paykitFeignClient() { return parts.client(); }

  /** {@return the client's connect and read timeouts} */
  @Bean
  public Request.Options paykitFeignOptions() { return parts.options(); }

  /** {@return a factory handing out paykit's redacting logger for every type} */
  @Bean
  public FeignLoggerFactory paykitFeignLoggerFactory() {
    Logger logger = parts.logger();
    return type -> logger;
  }

  /** {@return {@code FULL} when the client's wire logging is on, {@code NONE} otherwise} */
  @Bean
  public Logger.Level paykitFeignLoggerLevel() { return parts.logLevel(); }

  /** {@return paykit's attempt interceptor (auth, timestamps, signatures)} */
  @Bean
  public RequestInterceptor paykitFeignRequestInterceptor() { return parts.requestInterceptor(); }

  /** {@return paykit's call pipeline, which also keeps every component paykit's} */
  @Bean
  public Capability paykitFeignCapability() { return parts.capability(); }
}
