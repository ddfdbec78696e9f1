package dev.paykit.sandbox.promptcash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.ApiError;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Routing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;
import org.mockserver.mock.action.ExpectationResponseCallback;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * MockServer's object callback for every request under {@link PromptCashSimulator#PATH_PREFIX}.
 * Order of work: a queued fault first (a {@code failNext} answers before anything else is looked
 * at), then the {@code Authorization} header, then the endpoint. MockServer runs this on its Netty
 * threads, possibly concurrently; all shared state lives in the thread-safe store and injector.
 */
final class Router implements ExpectationResponseCallback {
  private static final String GET_PAYMENT = "/get-payment/";

  private final PromptCashSimulator simulator;
  private final Payments payments;
  private final ShortUrls shortUrls;

  Router(PromptCashSimulator simulator) {
    this.simulator = simulator;
    this.payments = new Payments(simulator);
    this.shortUrls = new ShortUrls(simulator.store());
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return simulator.faults().apply(() -> process(request));
  }

  private HttpResponse process(HttpRequest request) {
    try {
      authorize(request);
      return Json.response(200, route(request));
    } catch (ApiError e) {
      return Json.response(e.status(), e.body(Errors.SHAPE));
    } catch (RuntimeException e) {
      // Never let MockServer turn a simulator bug into its own (non-JSON) answer.
      return Json.response(500, Errors.body("sandbox internal error: " + e));
    }
  }

  /**
   * The docs: "All REST API calls are authorized by an additional HTTP header: Authorization:
   * Your-Secret-Account-Token": the raw token, no "Bearer" scheme, so anything else is a 401.
   */
  private static void authorize(HttpRequest request) {
    List<String> values = request.getHeader("Authorization");
    byte[] expected = PromptCashSimulator.SECRET_TOKEN.getBytes(StandardCharsets.UTF_8);
    if (values.size() != 1
        || !MessageDigest.isEqual(expected, values.get(0).getBytes(StandardCharsets.UTF_8))) {
      throw Errors.of(401, "invalid or missing Authorization header (expected the raw secret token)");
    }
  }

  private ObjectNode route(HttpRequest request) {
    String method = request.getMethod().getValue();
    String path = Routing.pathBelow(request, PromptCashSimulator.PATH_PREFIX);
    switch (path) {
      case "/create-payment":
        requireMethod(method, "POST");
        return payments.create(request);
      case "/get-payments":
        requireMethod(method, "GET");
        return payments.list(FormParameters.fromQuery(request));
      case "/surl/create":
        return shortUrl(method, "POST", () -> shortUrls.create(request));
      case "/surl/update":
        return shortUrl(method, "POST", () -> shortUrls.update(request));
      case "/surl/get":
        return shortUrl(method, "GET", () -> shortUrls.get(FormParameters.fromQuery(request)));
      case "/surl/delete":
        return shortUrl(method, "POST", () -> shortUrls.delete(FormParameters.fromQuery(request)));
      case "/surl/list":
        return shortUrl(method, "GET", () -> shortUrls.list(FormParameters.fromQuery(request)));
      default:
        if (path.startsWith(GET_PAYMENT) && path.length() > GET_PAYMENT.length()) {
          requireMethod(method, "GET");
          return payments.get(path.substring(GET_PAYMENT.length()));
        }
        throw Errors.of(404, "not found");
    }
  }

  /** Runs a URL-shortener handler; its errors carry {@code "status":"FAILED"} too. */
  private static ObjectNode shortUrl(String method, String allowed, Supplier<ObjectNode> handler) {
    try {
      requireMethod(method, allowed);
      return handler.get();
    } catch (ApiError e) {
      throw Errors.asShortUrlFailure(e);
    }
  }

  private static void requireMethod(String method, String allowed) {
    if (!allowed.equals(method)) {
      throw Errors.of(405, "method " + method + " not allowed, use " + allowed);
    }
  }
}
