package dev.paykit.ptapi;

import dev.paykit.core.ErrorDetails;

/** The API gateway refused the subscription key (HTTP 401 without a PT code, the gateway's {@code {statusCode, message}}): missing, wrong or revoked. The request did not reach PT. The client falls back to the secondary key once when one is configured. Not retryable. */
public class PtApiGatewayKeyException extends dev.paykit.core.AuthenticationException implements PtApiFailure {

  private static final long serialVersionUID = 1L;

  PtApiGatewayKeyException(ErrorDetails details) {
    super(details, null);
  }
}
