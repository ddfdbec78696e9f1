package dev.paykit.sandbox.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CashAddressTest {
  /**
   * Test vector of the CashAddr specification: legacy 1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu, hash160
   * 76a04053bda0a88bda5177b86a15c3b29f559873.
   */
  @Test
  void encodesTheSpecificationsP2pkhVector() {
    byte[] hash = HexFormat.of().parseHex("76a04053bda0a88bda5177b86a15c3b29f559873");

    assertThat(CashAddress.p2pkh(hash)).isEqualTo("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a");
  }

  @Test
  void sameSeedSameAddressOtherSeedOtherAddress() {
    assertThat(CashAddress.forSeed("order-1")).isEqualTo(CashAddress.forSeed("order-1"))
        .isNotEqualTo(CashAddress.forSeed("order-2"))
        .matches("bitcoincash:q[02-9ac-hj-np-z]{41}");
  }
}
