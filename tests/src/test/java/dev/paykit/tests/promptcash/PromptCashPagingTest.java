package dev.paykit.tests.promptcash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.promptcash.CreatePaymentRequest;
import dev.paykit.promptcash.PaymentQuery;
import dev.paykit.promptcash.ShortUrlRequest;
import dev.paykit.promptcash.model.Payment;
import dev.paykit.promptcash.model.ShortUrl;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auto-paging walks limit/offset pages lazily and stops after a short page. */
class PromptCashPagingTest extends PromptCashTestBase {

  @Test
  void paymentsArePagedWithLimitAndOffset() {
    for (int i = 1; i <= 7; i++) {
      client.payments().create(CreatePaymentRequest.builder("p-" + i, BigDecimal.valueOf(i), "USD").build());
    }

    List<String> ids = new ArrayList<>();
    for (Payment p : client.payments().listAutoPaging(PaymentQuery.all().withLimit(3))) {
      ids.add(p.getTxId());
    }

    assertThat(ids).containsExactly("p-1", "p-2", "p-3", "p-4", "p-5", "p-6", "p-7");
    assertThat(Arrays.stream(sent("/get-payments")).map(r -> r.getFirstQueryStringParameter("offset")))
        .containsExactly("0", "3", "6", "7"); // a short page may be a capped one: only an empty page ends
    assertThat(Arrays.stream(sent("/get-payments")).map(r -> r.getFirstQueryStringParameter("limit")))
        .containsOnly("3");
  }

  @Test
  void aFullLastPageCostsOneEmptyRequestAndFiltersAreKept() {
    for (int i = 1; i <= 4; i++) {
      client.payments().create(CreatePaymentRequest.builder("p-" + i, BigDecimal.ONE, i % 2 == 0 ? "EUR" : "USD").build());
    }

    assertThat(client.payments().listAutoPaging(PaymentQuery.all().withCurrency("EUR").withLimit(2)).stream()
        .map(Payment::getTxId)).containsExactly("p-2", "p-4");
    assertThat(Arrays.stream(sent("/get-payments")).map(r -> r.getFirstQueryStringParameter("currency")))
        .containsExactly("EUR", "EUR");
  }

  @Test
  void withoutALimitTheDocumentedDefaultPageSizeIsUsed() {
    client.payments().create(CreatePaymentRequest.builder("only", BigDecimal.ONE, "USD").build());

    assertThat(client.payments().listAutoPaging(PaymentQuery.all()).stream().count()).isEqualTo(1);
    assertThat(sent("/get-payments")[0].getFirstQueryStringParameter("limit")).isEqualTo("100");
  }

  @Test
  void nothingIsFetchedUntilIterationAndStreamsStopEarly() {
    for (int i = 1; i <= 5; i++) {
      client.payments().create(CreatePaymentRequest.builder("p-" + i, BigDecimal.ONE, "USD").build());
    }
    var pager = client.payments().listAutoPaging(PaymentQuery.all().withLimit(2));
    assertThat(sent("/get-payments")).isEmpty();

    assertThat(pager.stream().limit(3).map(Payment::getTxId)).containsExactly("p-1", "p-2", "p-3");
    assertThat(sent("/get-payments")).hasSize(2);
  }

  @Test
  void shortUrlsArePagedToo() {
    for (int i = 0; i < 3; i++) {
      client.shortUrls().create(ShortUrlRequest.free(URI.create("https://example.com/" + i)));
    }

    assertThat(client.shortUrls().listAutoPaging().stream().map(ShortUrl::getUrl))
        .containsExactly("https://example.com/0", "https://example.com/1", "https://example.com/2");
  }
}
