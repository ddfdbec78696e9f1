package dev.paykit.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Closes the doors through which OkHttp repeats a request by itself, outside the retry layer, even
 * with {@code retryOnConnectionFailure(false)}:
 * <ul>
 *   <li>a 503 with {@code Retry-After: 0} is re-sent once by OkHttp's follow-up logic: the network
 *       interceptor renames the header on 503 answers to {@link #RETRY_AFTER}, so OkHttp does not see it
 *       and the error decoder still does;
 *   <li>a 421 on HTTP/2 (and any other follow-up) is re-sent unless the body is one-shot: the
 *       application interceptor marks every request body one-shot.
 * </ul>
 * Stateless and thread-safe.
 */
final class NoHiddenRetries {

  /** Where a 503's {@code Retry-After} is moved to. */
  static final String RETRY_AFTER = "Paykit-Retry-After";

  private NoHiddenRetries() {}

  static OkHttpClient.Builder apply(OkHttpClient.Builder builder) {
    return builder
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(NoHiddenRetries::oneShotBody)
        .addNetworkInterceptor(NoHiddenRetries::hideRetryAfterOf503);
  }

  /** The body as one that OkHttp never sends twice (the transport builds every request body this way). */
  static RequestBody oneShot(RequestBody body) {
    return body == null || body.isOneShot() ? body : new OneShot(body);
  }

  private static Response oneShotBody(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    if (body == null || body.isOneShot()) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().method(request.method(), new OneShot(body)).build());
  }

  private static Response hideRetryAfterOf503(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").header(RETRY_AFTER, retryAfter).build();
  }

  private static final class OneShot extends RequestBody {
    private final RequestBody delegate;

    OneShot(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
