package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.WireNormalizer;
import dev.paykit.prunny.api.AccountsApi;
import feign.MethodMetadata;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What client construction computes once per JVM (issue 11, warm construction) and what it keeps per
 * client: the parsed contract and the spec's derived values are shared, the redactor's secrets are not.
 */
class SharedConstructionTest {

  @Test
  void anInterfaceIsParsedOncePerJvmAndItsPathParametersStillSentAsOneSegment() {
    List<MethodMetadata> first = new SlashEncodingContract().parseAndValidateMetadata(AccountsApi.class);
    List<MethodMetadata> again = new SlashEncodingContract().parseAndValidateMetadata(AccountsApi.class);

    assertThat(again).isSameAs(first);
    MethodMetadata get = first.stream().filter(md -> md.method().getName().equals("getAccount")
        && md.method().getParameterCount() == 1).findFirst().orElseThrow();
    assertThat(get.indexToExpander().get(0).expand("LIEN/2026/0001")).isEqualTo("LIEN%2F2026%2F0001");
  }

  @Test
  void aSpecsDerivedValuesAreComputedOnceAndShared() {
    ApiSpec spec = ApiSpec.load("prunny");
    AtomicInteger computed = new AtomicInteger();

    Object one = spec.derived("test-key", s -> "value-" + computed.incrementAndGet());
    Object two = spec.derived("test-key", s -> "value-" + computed.incrementAndGet());

    assertThat(one).isEqualTo("value-1");
    assertThat(two).isSameAs(one);
    assertThat(WireNormalizer.of(spec)).isSameAs(WireNormalizer.of(spec));
    assertThat(spec.passwordFields()).isSameAs(spec.passwordFields());
  }

  @Test
  void redactorsShareTheirNamesPatternsButEachMasksOnlyItsOwnSecrets() {
    Redactor a = Redactor.of(List.of("secret-of-client-a"), List.of("Authorization", "otp"));
    Redactor b = Redactor.of(List.of("secret-of-client-b"), List.of("Authorization", "otp"));
    String text = "{\"otp\":\"123456\"} secret-of-client-a secret-of-client-b Authorization: Bearer x";

    assertThat(a.redact(text)).isEqualTo("{\"otp\":\"[REDACTED]\"} [REDACTED] secret-of-client-b Authorization: [REDACTED]");
    assertThat(b.redact(text)).isEqualTo("{\"otp\":\"[REDACTED]\"} secret-of-client-a [REDACTED] Authorization: [REDACTED]");
  }
}
