package dev.paykit.paypercut;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.paypercut.api.PricesApi;
import dev.paykit.paypercut.api.ProductsApi;
import dev.paykit.paypercut.api.SetupIntentsApi;
import dev.paykit.paypercut.api.SubscriptionsApi;
import dev.paykit.paypercut.model.Price;
import dev.paykit.paypercut.model.PriceCreateRequest;
import dev.paykit.paypercut.model.Product;
import dev.paykit.paypercut.model.ProductCreateRequest;
import dev.paykit.paypercut.model.SetupIntent;
import dev.paykit.paypercut.model.SetupIntentCreateRequest;
import dev.paykit.paypercut.model.Subscription;
import dev.paykit.paypercut.model.SubscriptionCreateRequest;

/**
 * Recurring billing: products, prices, setup intents (save a card for later) and subscriptions. The docs
 * publish only their create operations. Every create carries an idempotency key. Thread-safe.
 */
public final class PaypercutBilling {

  private final ProductsApi products;
  private final PricesApi prices;
  private final SetupIntentsApi setupIntents;
  private final SubscriptionsApi subscriptions;

  PaypercutBilling(ClientRuntime runtime) {
    this.products = runtime.api(ProductsApi.class);
    this.prices = runtime.api(PricesApi.class);
    this.setupIntents = runtime.api(SetupIntentsApi.class);
    this.subscriptions = runtime.api(SubscriptionsApi.class);
  }

  /**
   * Creates a product.
   *
   * @param request the product to create; not null
   * @return the created product
   */
  public Product createProduct(ProductCreateRequest request) {
    return createProduct(request, RequestOptions.none());
  }

  /**
   * Like {@link #createProduct(ProductCreateRequest)}, with options for this call.
   *
   * @param request the product to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created product
   */
  public Product createProduct(ProductCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createProduct");
    return Calls.run("createProduct", options, () -> products.createProduct(null, request));
  }

  /**
   * Creates a price.
   *
   * @param request the price to create; not null
   * @return the created price
   */
  public Price createPrice(PriceCreateRequest request) {
    return createPrice(request, RequestOptions.none());
  }

  /**
   * Like {@link #createPrice(PriceCreateRequest)}, with options for this call.
   *
   * @param request the price to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created price
   */
  public Price createPrice(PriceCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createPrice");
    return Calls.run("createPrice", options, () -> prices.createPrice(null, request));
  }

  /**
   * Creates a setup intent.
   *
   * @param request the setup intent to create; not null
   * @return the created setup intent
   */
  public SetupIntent createSetupIntent(SetupIntentCreateRequest request) {
    return createSetupIntent(request, RequestOptions.none());
  }

  /**
   * Like {@link #createSetupIntent(SetupIntentCreateRequest)}, with options for this call.
   *
   * @param request the setup intent to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created setup intent
   */
  public SetupIntent createSetupIntent(SetupIntentCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createSetupIntent");
    return Calls.run("createSetupIntent", options, () -> setupIntents.createSetupIntent(null, request));
  }

  /**
   * Creates a subscription.
   *
   * @param request the subscription to create; not null
   * @return the created subscription
   */
  public Subscription createSubscription(SubscriptionCreateRequest request) {
    return createSubscription(request, RequestOptions.none());
  }

  /**
   * Like {@link #createSubscription(SubscriptionCreateRequest)}, with options for this call.
   *
   * @param request the subscription to create; not null
   * @param options the options of this call (idempotency key, connected account, deadline...); not null
   * @return the created subscription
   */
  public Subscription createSubscription(SubscriptionCreateRequest request, RequestOptions options) {
    Calls.require(request, "request", "createSubscription");
    return Calls.run("createSubscription", options, () -> subscriptions.createSubscription(null, request));
  }
}
