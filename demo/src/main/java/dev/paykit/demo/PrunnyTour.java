package dev.paykit.demo;

import dev.paykit.core.RequestOptions;

import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_ADAEZE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_BABATUNDE_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA;
import static dev.paykit.sandbox.prunny.Fixtures.ACCOUNT_CHIAMAKA_NAME;
import static dev.paykit.sandbox.prunny.Fixtures.BANK_GTB;
import static dev.paykit.sandbox.prunny.Fixtures.GTB_ACCOUNT;

import dev.paykit.core.InsufficientFundsException;
import dev.paykit.core.RetryPolicy;
import dev.paykit.prunny.PrunnyClient;
import dev.paykit.prunny.TransferResult;
import dev.paykit.prunny.model.IntraBankTransferRequest;
import dev.paykit.prunny.model.NameEnquiryResult;
import dev.paykit.sandbox.prunny.PrunnySimulator;
import java.math.BigDecimal;
import java.time.Duration;

/** The Prunny part of the demo: name enquiry, an OTP transfer, a duplicate that is not paid twice, a decline, a statement. */
final class PrunnyTour {

  private PrunnyTour() {}

  static void run(PrunnySimulator sim) {
    say("Prunny sandbox at " + sim.baseUrl());
    PrunnyClient prunny = PrunnyClient.builder()
        .apiKey(PrunnySimulator.API_KEY)
        .baseUrl(sim.baseUrl())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).build())
        .pollPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).maxAttempts(5).build())
        .build();

    NameEnquiryResult name = prunny.transfers().nameEnquiry(GTB_ACCOUNT, BANK_GTB);
    say("name enquiry    %s at bank %s is %s", GTB_ACCOUNT, BANK_GTB, name.getAccountName());

    TransferResult big = prunny.transfers().intraBank(transfer("school-fees-1", ACCOUNT_ADAEZE, ACCOUNT_ADAEZE_NAME,
        ACCOUNT_BABATUNDE, ACCOUNT_BABATUNDE_NAME, "150000.00"));
    say("transfer        150000.00 NGN -> %s (%s): %s", big.outcome(), big.responseCode().getValue(),
        big.authPrompts().isEmpty() ? "" : big.authPrompts().get(0).getLabel());
    TransferResult done = prunny.transfers().complete(big.transactionRef(), "school-fees-1-otp",
        PrunnySimulator.SANDBOX_OTP);
    say("OTP completion  %s %s; Adaeze's balance is now %s", done.transactionRef(), done.outcome(),
        sim.availableBalance(ACCOUNT_ADAEZE).toPlainString());

    int before = sim.transferCount();
    sim.dropConnectionAfterProcessingNext(1);
    IntraBankTransferRequest rent = transfer("rent-nov", ACCOUNT_ADAEZE, ACCOUNT_ADAEZE_NAME, ACCOUNT_BABATUNDE,
        ACCOUNT_BABATUNDE_NAME, "2500.00");
    TransferResult first = prunny.transfers().intraBank(rent, RequestOptions.ofIdempotencyKey("rent-nov-key"));
    TransferResult again = prunny.transfers().intraBank(rent, RequestOptions.ofIdempotencyKey("rent-nov-key"));
    say("duplicate       connection cut after posting, retried, then resubmitted with key %s: %s, %s;"
        + " transfers posted: %d", first.idempotencyKey(), first.outcome(),
        again.transactionRef().equals(first.transactionRef()) ? "same transaction" : "DIFFERENT",
        sim.transferCount() - before);

    try {
      prunny.transfers().intraBank(transfer("too-much", ACCOUNT_CHIAMAKA, ACCOUNT_CHIAMAKA_NAME,
          ACCOUNT_BABATUNDE, ACCOUNT_BABATUNDE_NAME, "5000.00"));
    } catch (InsufficientFundsException e) {
      say("declined        %s (code %s); Chiamaka still has %s", e.getClass().getSimpleName(),
          e.providerCode().orElse("?"), sim.availableBalance(ACCOUNT_CHIAMAKA).toPlainString());
    }

    long lines = prunny.accounts().statementAutoPaging(ACCOUNT_ADAEZE, null, null, 10).stream().count();
    say("statement       %d lines of %s read through auto-paging (10 per page, following _links.next)",
        lines, ACCOUNT_ADAEZE);
  }

  private static IntraBankTransferRequest transfer(String ref, String from, String fromName, String to,
      String toName, String amount) {
    BigDecimal a = new BigDecimal(amount);
    return new IntraBankTransferRequest().referenceId(ref).amount(a).currency("NGN").sourceAmount(a)
        .sourceCurrency("NGN").sourceAccount(from).sourceAccountName(fromName).sourceNarration(ref)
        .destinationAccount(to).destinationAccountName(toName).destinationNarration(ref).channel("API");
  }

  private static void say(String format, Object... args) {
    System.out.println("[prunny]     " + String.format(format, args));
  }
}
