package dev.paykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.core.internal.spec.ApiSpec;
import org.junit.jupiter.api.Test;

/**
 * This module's class path is a user's (paykit without the YAML parser, which it declares only as
 * provided): the shipped JSON specs must load on it, as every client build starts by loading one.
 */
class SpecWithoutYamlTest {

  @Test
  void shippedSpecsLoadWithoutAYamlParserOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.dataformat.yaml.YAMLFactory"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(ApiSpec.load("prunny").operation("interBankTransfer").jsonBodySchema()).isPresent();
    assertThat(ApiSpec.load("promptcash").operation("createPayment").formFields()).isNotEmpty();
  }
}
