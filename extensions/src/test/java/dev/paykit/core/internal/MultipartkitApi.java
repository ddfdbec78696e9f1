package dev.paykit.core.internal;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.io.File;
import java.util.Map;

/**
 * The Feign interface of the test spec {@code multipartkit}. {@link #requestAccount} and
 * {@link #requestCorporateAccount} are exactly what OpenAPI Generator 7.25.0 ({@code java},
 * {@code library=feign}, this project's {@code generated-client} configuration) generates from that spec,
 * copied from its output with the {@code ...WithHttpInfo} twins left out: one {@code @Param} per named part
 * by its wire name, {@code format: binary} as {@link File}, a {@code $ref} enum as its generated enum,
 * {@code Content-Type: multipart/form-data} in {@code @Headers}. The generator ignores
 * {@code patternProperties}, so the repeatable {@code director_<n>_…} parts have no argument there:
 * {@link #requestCorporateAccountParts} is the hand-written shape a facade uses for them, one
 * {@code Map} body of part name to value.
 */
public interface MultipartkitApi {

  /** As generated from {@code components.schemas.IdType} ({@code enumUnknownDefaultCase: true}). */
  enum IdType {
    PASSPORT("passport"), IDENTITY_CARD("identityCard"), DRIVING_LICENSE("drivingLicense"),
    RESIDENCE_PERMIT("residencePermit"), UNKNOWN_DEFAULT_OPEN_API("unknown_default_open_api");

    private final String value;

    IdType(String value) {
      this.value = value;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String getValue() {
      return value;
    }

    @Override
    public String toString() {
      return String.valueOf(value);
    }
  }

  /** As generated from {@code components.schemas.PoaType}. */
  enum PoaType {
    UTILITY_BILL("utilityBill"), BANK_STATEMENT("bankStatement"), UNKNOWN_DEFAULT_OPEN_API("unknown_default_open_api");

    private final String value;

    PoaType(String value) {
      this.value = value;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String getValue() {
      return value;
    }

    @Override
    public String toString() {
      return String.valueOf(value);
    }
  }

  @RequestLine("POST /v1/accounts/request-account")
  @Headers({
    "Content-Type: multipart/form-data",
    "Accept: application/json",
  })
  Object requestAccount(@Param("firstName") @jakarta.annotation.Nonnull String firstName, @Param("lastName") @jakarta.annotation.Nonnull String lastName, @Param("countryShort") @jakarta.annotation.Nonnull String countryShort, @Param("idType") @jakarta.annotation.Nonnull IdType idType, @Param("idFile") @jakarta.annotation.Nonnull File idFile, @Param("idFileBack") @jakarta.annotation.Nullable File idFileBack, @Param("poaType") @jakarta.annotation.Nonnull PoaType poaType, @Param("poaFile") @jakarta.annotation.Nonnull File poaFile, @Param("currency") @jakarta.annotation.Nullable String currency);

  @RequestLine("POST /v1/accounts/request-corporate-account")
  @Headers({
    "Content-Type: multipart/form-data",
    "Accept: application/json",
  })
  Object requestCorporateAccount(@Param("countryShort") @jakarta.annotation.Nonnull String countryShort, @Param("companyName") @jakarta.annotation.Nonnull String companyName, @Param("certificateOfIncorporation") @jakarta.annotation.Nonnull File certificateOfIncorporation, @Param("mermat") @jakarta.annotation.Nonnull File mermat, @Param("currency") @jakarta.annotation.Nullable String currency);

  /** Hand-written: every part, repeatable ones included, as one map (insertion order is wire order). */
  @RequestLine("POST /v1/accounts/request-corporate-account")
  @Headers({"Content-Type: multipart/form-data", "Accept: application/json"})
  Object requestCorporateAccountParts(Map<String, ?> parts);
}
