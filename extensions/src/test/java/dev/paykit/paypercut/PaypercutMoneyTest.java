package dev.paykit.paypercut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paykit.paypercut.model.Currency;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Minor units to and from decimals at scales 0, 2 and 3, exactly, never rounding. */
class PaypercutMoneyTest {

  private static Currency currency(String iso, Integer scale) {
    return new Currency().iso(iso).scale(scale);
  }

  // ---- minor units -> decimal -----------------------------------------------------------------------

  @ParameterizedTest(name = "{0} at scale {1} is {2}")
  @CsvSource({
      "1050, 2, 10.50",
      "1000, 2, 10.00",
      "1, 2, 0.01",
      "0, 2, 0.00",
      "-1050, 2, -10.50",
      "1050, 0, 1050",
      "-7, 0, -7",
      "1005, 3, 1.005",
      "1000, 3, 1.000",
      "-5, 3, -0.005",
      "9223372036854775807, 2, 92233720368547758.07",
      "-9223372036854775808, 3, -9223372036854775.808",
  })
  void toDecimalIsExactAndKeepsTheScale(long minor, int scale, String expected) {
    BigDecimal d = PaypercutMoney.toDecimal(minor, scale);

    assertThat(d.toPlainString()).isEqualTo(expected);
    assertThat(d.scale()).isEqualTo(scale);
  }

  @Test
  void toDecimalReadsTheAnswersCurrency() {
    assertThat(PaypercutMoney.toDecimal(1050, currency("eur", 2)).toPlainString()).isEqualTo("10.50");
    assertThat(PaypercutMoney.toDecimal(1050, currency("JPY", 0)).toPlainString()).isEqualTo("1050");
    assertThat(PaypercutMoney.toDecimal(1050, currency("kwd", 3)).toPlainString()).isEqualTo("1.050");
  }

  @Test
  void toDecimalByCodeUsesTheIsoScaleIgnoringCase() {
    assertThat(PaypercutMoney.toDecimal(1050, "eur").toPlainString()).isEqualTo("10.50");
    assertThat(PaypercutMoney.toDecimal(1050, "JPY").toPlainString()).isEqualTo("1050");
    assertThat(PaypercutMoney.toDecimal(1050, "BHD").toPlainString()).isEqualTo("1.050");
  }

  @Test
  void aCurrencyWithoutAUsableScaleIsRefusedClearly() {
    assertThatThrownBy(() -> PaypercutMoney.toDecimal(1, (Currency) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("currency is required");
    assertThatThrownBy(() -> PaypercutMoney.toDecimal(1, currency("eur", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("currency eur has no scale");
    assertThatThrownBy(() -> PaypercutMoney.toDecimal(1, currency("eur", -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("currency eur scale must be between 0 and 18, was -1");
    assertThatThrownBy(() -> PaypercutMoney.toDecimal(1, currency(null, 19)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency (no iso) scale must be between 0 and 18, was 19");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(BigDecimal.ONE, currency("eur", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("currency eur has no scale");
  }

  @Test
  void aScaleOutsideZeroToEighteenIsRefused() {
    assertThatThrownBy(() -> PaypercutMoney.toDecimal(1, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale must be between 0 and 18, was -1");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(BigDecimal.ONE, 19)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale must be between 0 and 18, was 19");
    assertThat(PaypercutMoney.toDecimal(1, 18).toPlainString()).isEqualTo("0.000000000000000001");
  }

  // ---- decimal -> minor units -----------------------------------------------------------------------

  @ParameterizedTest(name = "{0} at scale {1} is {2}")
  @CsvSource({
      "10.50, 2, 1050",
      "10.5, 2, 1050",
      "10.500, 2, 1050",
      "10, 2, 1000",
      "1E+1, 2, 1000",
      "0, 2, 0",
      "0.00, 2, 0",
      "0E-10, 2, 0",
      "-10.50, 2, -1050",
      "-0.01, 2, -1",
      "1050, 0, 1050",
      "1050.000, 0, 1050",
      "-3, 0, -3",
      "1.005, 3, 1005",
      "1.0050, 3, 1005",
      "-0.005, 3, -5",
      "92233720368547758.07, 2, 9223372036854775807",
      "-92233720368547758.08, 2, -9223372036854775808",
  })
  void toMinorUnitsIsExact(String amount, int scale, long expected) {
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal(amount), scale)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} at scale {1}")
  @CsvSource({
      "10.505, 2, 3",
      "0.001, 2, 3",
      "-10.505, 2, 3",
      "10.5, 0, 1",
      "0.0001, 3, 4",
      "1.00051, 3, 5",
  })
  void digitsBeyondTheScaleAreRefusedNeverRounded(String amount, int scale, int places) {
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal(amount), scale))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount " + amount + " has " + places + " decimal places; scale " + scale + " takes at most "
            + scale + " (paykit never rounds money)");
  }

  @Test
  void minorUnitsThatDoNotFitALongAreRefused() {
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("92233720368547758.08"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 92233720368547758.08 in minor units of scale 2 does not fit a long"
            + " (-9223372036854775808 to 9223372036854775807)");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("-92233720368547758.09"), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit a long");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("9223372036854775808"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit a long");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("1E+30"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount 1E+30 in minor units");
  }

  @Test
  void hugeExponentsAreRefusedAtOnceWithoutExpandingTheNumber() {
    // A naive setScale would build a billion-digit number here; these must answer immediately.
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("1E+999999999"), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount 1E+999999999 in minor units");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("1E-999999999"), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("amount 1E-999999999 has 999999999 decimal places;"
            + " scale 2 takes at most 2 (paykit never rounds money)");
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal("0E+999999999"), 2)).isZero();
  }

  @Test
  void aNullAmountIsRefusedWithoutAnNpe() {
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(null, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount is required");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(null, "EUR")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount is required");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(null, currency("eur", 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("amount is required");
  }

  @Test
  void toMinorUnitsByCurrencyCodeOrAnswerCurrency() {
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal("10.50"), "EUR")).isEqualTo(1050L);
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal("10.50"), " eur ")).isEqualTo(1050L);
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal("1050"), "JPY")).isEqualTo(1050L);
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal("1.005"), "KWD")).isEqualTo(1005L);
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal("-1.005"), "bhd")).isEqualTo(-1005L);
    assertThat(PaypercutMoney.toMinorUnits(new BigDecimal("-2.50"), currency("eur", 2))).isEqualTo(-250L);
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("10.5"), "JPY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 10.5 has 1 decimal places; JPY (scale 0) takes at most 0 (paykit never rounds money)");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(new BigDecimal("1.0005"), currency("kwd", 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kwd (scale 3) takes at most 3");
  }

  @Test
  void roundTripsKeepValueAndScale() {
    for (String s : new String[] {"0.00", "10.50", "-10.50", "99999999999.99"}) {
      BigDecimal amount = new BigDecimal(s);
      assertThat(PaypercutMoney.toDecimal(PaypercutMoney.toMinorUnits(amount, 2), 2)).isEqualTo(amount);
    }
    assertThat(PaypercutMoney.toDecimal(PaypercutMoney.toMinorUnits(new BigDecimal("-0.125"), "KWD"), "KWD"))
        .isEqualTo(new BigDecimal("-0.125"));
  }

  // ---- scaleOf --------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"JPY, 0", "jpy, 0", "KRW, 0", "EUR, 2", "usd, 2", "BGN, 2", "KWD, 3", "BHD, 3", "TND, 3", "' EUR ', 2"})
  void scaleOfIsIso4217sDefaultIgnoringCase(String code, int scale) {
    assertThat(PaypercutMoney.scaleOf(code)).isEqualTo(scale);
  }

  @Test
  void unknownBlankAndPseudoCurrenciesAreRefused() {
    assertThatThrownBy(() -> PaypercutMoney.scaleOf(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currencyCode is required");
    assertThatThrownBy(() -> PaypercutMoney.scaleOf(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currencyCode is required");
    assertThatThrownBy(() -> PaypercutMoney.scaleOf("ZZZ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currencyCode 'ZZZ' is not an ISO 4217 currency code");
    assertThatThrownBy(() -> PaypercutMoney.scaleOf("euro")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currencyCode 'euro' is not an ISO 4217 currency code");
    assertThatThrownBy(() -> PaypercutMoney.scaleOf("XAU")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("currencyCode XAU has no minor unit");
    assertThatThrownBy(() -> PaypercutMoney.toMinorUnits(BigDecimal.ONE, "XDR"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("currencyCode XDR has no minor unit");
    assertThatThrownBy(() -> PaypercutMoney.toDecimal(1, "e\nur")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currencyCode 'e?ur' is not an ISO 4217 currency code");
  }
}
