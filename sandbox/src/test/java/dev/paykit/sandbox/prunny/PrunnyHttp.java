package dev.paykit.sandbox.prunny;

import dev.paykit.sandbox.SandboxHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * Real HTTP against the Prunny simulator: every request carries the Bearer key and a timestamp
 * (from {@code clock}, normally the instant the test pinned the simulator's clock to); transaction
 * POSTs carry the Idempotency-Key given. JSON bodies go out as written.
 */
public final class PrunnyHttp {
  public static final String BEARER = "Bearer " + PrunnySimulator.API_KEY;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String baseUrl;
  private final Supplier<Instant> clock;

  public PrunnyHttp(String baseUrl, Supplier<Instant> clock) {
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  public static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /** Authorization and a fresh timestamp; add or override headers on the builder. */
  public HttpRequest.Builder request(String pathAndQuery) {
    String url = pathAndQuery.startsWith("http") ? pathAndQuery : baseUrl + pathAndQuery;
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", BEARER)
        .header(PrunnySimulator.TIMESTAMP_HEADER, timestamp(clock.get()));
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return SandboxHttp.send(request(pathAndQuery).GET().build());
  }

  /** A POST with a JSON body; no Idempotency-Key when {@code key} is null. */
  public HttpRequest postRequest(String path, String key, String json) {
    HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    return key == null ? builder.build() : builder.header(PrunnySimulator.IDEMPOTENCY_HEADER, key).build();
  }

  public HttpResponse<String> post(String path, String key, String json) {
    return SandboxHttp.send(postRequest(path, key, json));
  }

  public HttpResponse<String> put(String path, String key, String json) {
    return SandboxHttp.send(request(path).header("Content-Type", "application/json")
        .header(PrunnySimulator.IDEMPOTENCY_HEADER, key)
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  // ---- bodies, in the spec's field names ----

  public static String intraTransfer(String referenceId, String source, String destination, String amount) {
    return """
        {"amount": %s, "channel": "Mobile", "currency": "NGN", "destinationAccount": "%s",
         "destinationAccountName": "Beneficiary", "destinationNarration": "From a friend",
         "referenceId": "%s", "sourceAccount": "%s", "sourceAccountName": "Sender", "sourceAmount": %s,
         "sourceCurrency": "NGN", "sourceNarration": "To a friend"}"""
        .formatted(amount, destination, referenceId, source, amount);
  }

  public static String interTransfer(String referenceId, String source, String bankCode, String destination,
      String amount) {
    return """
        {"amount": %s, "channel": "Mobile", "currency": "NGN", "destinationAccount": "%s",
         "destinationBankCode": "%s", "destinationBankName": "Other bank",
         "destinationAccountName": "Beneficiary", "destinationNarration": "From a friend",
         "referenceId": "%s", "sourceAccount": "%s", "sourceAccountName": "Sender", "sourceAmount": %s,
         "sourceCurrency": "NGN", "sourceNarration": "To a friend"}"""
        .formatted(amount, destination, bankCode, referenceId, source, amount);
  }

  public static String complete(String transactionRef, String otp) {
    return """
        {"requestRef": "req-%s", "transactionRef": "%s", "authDetails": [{"type": "OTP", "value": "%s"}]}"""
        .formatted(transactionRef, transactionRef, otp);
  }

  public static String hold(String referenceId, String account, String amount) {
    return """
        {"referenceId": "%s", "account": "%s", "amount": %s, "currency": "NGN",
         "startHoldDate": "2026-11-21T10:00:00Z", "endHoldDate": "2026-11-28T10:00:00Z",
         "transactionDate": "2026-11-21T10:00:00Z"}""".formatted(referenceId, account, amount);
  }

  public static String release(String referenceId, String account, String amount) {
    return """
        {"referenceId": "%s", "accountNumber": "%s", "amount": %s, "currency": "NGN",
         "releaseHoldDate": "2026-11-22T10:00:00Z", "transactionDate": "2026-11-22T10:00:00Z"}"""
        .formatted(referenceId, account, amount);
  }
}
