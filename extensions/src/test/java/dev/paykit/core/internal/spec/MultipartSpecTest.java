package dev.paykit.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MultipartSpec}: what the runtime reads from a multipart request body, and what it refuses. */
class MultipartSpecTest {

  private final ApiSpec kit = ApiSpec.load("multipartkit");

  private MultipartSpec body(String operationId) {
    return MultipartSpec.of(kit, kit.operation(operationId)).orElseThrow();
  }

  @Test
  void namedPartsFilesTheirTypesAndLimitsAreReadFromTheSchemaAndItsEncoding() {
    MultipartSpec individual = body("requestAccount");

    assertThat(individual.named()).extracting(MultipartSpec.Part::name).containsExactly("firstName", "lastName",
        "countryShort", "idType", "idFile", "idFileBack", "poaType", "poaFile", "currency");
    assertThat(individual.named()).filteredOn(MultipartSpec.Part::file).extracting(MultipartSpec.Part::name)
        .containsExactly("idFile", "idFileBack", "poaFile");
    MultipartSpec.Part id = individual.part("idFile").orElseThrow();
    assertThat(id.contentTypes()).containsExactly("image/jpeg", "image/png", "application/pdf"); // x-paykit-content-types
    assertThat(id.maxBytes()).isEqualTo(512_000L);
    assertThat(individual.part("poaFile").orElseThrow().contentTypes())                    // encoding.poaFile
        .containsExactly("image/jpeg", "image/png", "application/pdf");
    assertThat(individual.part("firstName").orElseThrow().maxBytes()).isNull();
    assertThat(individual.required()).containsExactlyInAnyOrder("firstName", "lastName", "countryShort", "idType",
        "idFile", "poaType", "poaFile");
    assertThat(individual.closed()).isTrue();
    assertThat(individual.problems()).isEmpty();
  }

  @Test
  void repeatablePartsAreFamiliesMatchedByTheirPatterns() {
    MultipartSpec corporate = body("requestCorporateAccount");

    assertThat(corporate.families()).hasSize(3);
    assertThat(corporate.part("director_12_idFileBack")).get().satisfies(p -> {
      assertThat(p.file()).isTrue();
      assertThat(p.pattern()).isNotNull();
      assertThat(p.maxBytes()).isEqualTo(512_000L);
    });
    assertThat(corporate.part("shareholder_3_idType")).get().extracting(MultipartSpec.Part::file).isEqualTo(false);
    assertThat(corporate.part("director_0_idType")).isEmpty();
    assertThat(corporate.part("director_1_idfile")).isEmpty();
    assertThat(corporate.part("mermat").orElseThrow().contentTypes()).containsExactly("application/pdf");
    assertThat(corporate.required()).contains("director_1_idFile", "director_1_poaFile");
    assertThat(corporate.problems()).isEmpty();
    assertThat(MultipartSpec.of(kit, ApiSpec.load("testkit").operation("createNote"))).isEmpty();
  }

  @Test
  void aDeclarationTheRuntimeCannotCheckAsWrittenIsNamed() throws IOException {
    String yaml = """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /up:
            post:
              operationId: up
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [doc, ghost]
                      properties:
                        doc: {type: string, contentMediaType: application/pdf}
                        big: {type: string, format: binary, x-paykit-max-bytes: 500KB}
                        name: {type: string, maxLength: 5, x-paykit-max-bytes: 10}
                        odd: {type: string, format: binary, x-paykit-content-types: [pdf]}
                        any: {type: string, format: binary, x-paykit-content-types: [application/octet-stream]}
                      patternProperties:
                        "^(x": {type: string}
                    encoding:
                      missing: {contentType: image/png}
        """;
    ApiSpec spec = ApiSpec.of("t", new ObjectMapper(new YAMLFactory()).readTree(yaml));
    MultipartSpec body = MultipartSpec.of(spec, spec.operation("up")).orElseThrow();

    assertThat(body.problems()).containsExactly(
        "doc: a file part without format: binary, which the generator turns into a String",
        "big: x-paykit-max-bytes is a number of bytes (a whole number, 1 or more)",
        "name: x-paykit-max-bytes on a part that is not a file (a text part has maxLength)",
        "odd: 'pdf' is not a media type or range",
        "^(x: not a regular expression",
        "encoding.missing: names no part of the body",
        "ghost: required, but no property or pattern describes it");
    assertThat(body.part("any").orElseThrow().contentTypes()).isEmpty(); // octet-stream: any type
    assertThat(body.closed()).isFalse();
    assertThat(List.of(MultipartSpec.MAX_BYTES, MultipartSpec.CONTENT_TYPES))
        .containsExactly("x-paykit-max-bytes", "x-paykit-content-types");
  }
}
