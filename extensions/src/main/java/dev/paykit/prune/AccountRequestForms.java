package dev.paykit.prune;

import dev.paykit.prune.model.AccountRequestReceiptResponse;
import dev.paykit.prune.model.AccountRequestResponse;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.Map;

/**
 * The account-request operations with their whole multipart body as one map of parts (wire name to
 * value, in the order sent): the generated {@code AccountRequestsApi} cannot send the repeatable
 * {@code director_<n>_...} / {@code shareholder_<n>_...} parts (the generator ignores
 * {@code patternProperties}) and takes files only as {@code java.io.File}. The same operations of the
 * same spec, so the pipeline validates, authenticates and decodes them as it does the generated ones.
 */
interface AccountRequestForms {

  @RequestLine("POST /v1/accounts/request-account")
  @Headers({"Content-Type: multipart/form-data", "Accept: application/json"})
  AccountRequestReceiptResponse requestIndividualAccount(Map<String, ?> parts);

  @RequestLine("POST /v1/accounts/request-corporate-account")
  @Headers({"Content-Type: multipart/form-data", "Accept: application/json"})
  AccountRequestReceiptResponse requestCorporateAccount(Map<String, ?> parts);

  @RequestLine("PATCH /v1/accounts/requests/{requestId}")
  @Headers({"Content-Type: multipart/form-data", "Accept: application/json"})
  AccountRequestResponse updateAccountRequest(@Param("requestId") String requestId, Map<String, ?> parts);
}
