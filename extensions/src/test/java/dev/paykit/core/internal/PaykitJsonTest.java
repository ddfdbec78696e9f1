package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paykit.promptcash.model.Payment;
import dev.paykit.promptcash.model.PaymentStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Providers add fields and enum values without notice; money and dates must survive exactly. */
class PaykitJsonTest {

  private final ObjectMapper mapper = PaykitJson.newMapper();

  @Test
  void readsUnknownFieldsAndEnumValuesWithoutFailingAndKeepsDecimalsExact() throws Exception {
    Payment p = mapper.readValue("{\"tx_id\":\"a\",\"status\":\"SETTLING\",\"brand_new\":{\"x\":1},"
        + "\"amount_crypto\":0.000020576132,\"amount_fiat\":2416,"
        + "\"created_at\":\"2021-01-22T20:07:37.666707+07:00\",\"paid\":\"0001-01-01T00:00:00Z\"}", Payment.class);

    assertThat(p.getStatus()).isEqualTo(PaymentStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(p.getAmountCrypto()).isEqualByComparingTo(new BigDecimal("0.000020576132"));
    assertThat(p.getAmountCrypto().toPlainString()).isEqualTo("0.000020576132");
    assertThat(p.getCreatedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
    assertThat(p.getPaid()).isEqualTo(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void decimalsReadThroughATreeKeepTheScaleTheyWereSentWith() throws Exception {
    // the Prunny decoder reads a tree first (to check the response code), then binds it
    JsonNode tree = mapper.readTree("{\"tx_id\":\"a\",\"amount_fiat\":2500.00,\"amount_crypto\":-32.50}");
    Payment p = mapper.readerFor(Payment.class).readValue(tree);

    assertThat(tree.get("amount_fiat").decimalValue().toPlainString()).isEqualTo("2500.00");
    assertThat(p.getAmountFiat().toPlainString()).isEqualTo("2500.00");
    assertThat(p.getAmountFiat().scale()).isEqualTo(2);
    assertThat(p.getAmountCrypto().toPlainString()).isEqualTo("-32.50");
    assertThat(p.getAmountCrypto().scale()).isEqualTo(2);
    // and a model turned into a tree (request validation) keeps it too
    assertThat(mapper.valueToTree(new Payment().amountFiat(new BigDecimal("2500.00"))).get("amount_fiat")
        .decimalValue().toString()).isEqualTo("2500.00");
  }

  @Test
  void writesDecimalsPlain() throws Exception {
    // tx_id and status are required by the spec, so the generated model always writes them
    assertThat(mapper.writeValueAsString(new Payment().txId("a").status(PaymentStatus.PAID)
        .amountFiat(new BigDecimal("1E+3"))))
        .isEqualTo("{\"tx_id\":\"a\",\"amount_fiat\":1000,\"status\":\"PAID\"}");
  }
}
