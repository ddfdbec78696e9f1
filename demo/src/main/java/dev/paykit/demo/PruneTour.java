package dev.paykit.demo;

import static dev.paykit.sandbox.prune.PruneSimulator.BIC_COMMERZBANK;
import static dev.paykit.sandbox.prune.PruneSimulator.IBAN_COMMERZBANK;

import dev.paykit.core.RetryPolicy;
import dev.paykit.core.ValidationException;
import dev.paykit.prune.Document;
import dev.paykit.prune.IndividualAccountRequest;
import dev.paykit.prune.PruneClient;
import dev.paykit.prune.PruneOutcomeUnknownException;
import dev.paykit.prune.Resolution;
import dev.paykit.prune.model.AccountRequestReceipt;
import dev.paykit.prune.model.AccountRequestState;
import dev.paykit.prune.model.CountryShort;
import dev.paykit.prune.model.DebtorType;
import dev.paykit.prune.model.DisburseRequest;
import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.IssuedCurrency;
import dev.paykit.prune.model.PoaType;
import dev.paykit.prune.model.SendMoneyRequest;
import dev.paykit.prune.model.Transaction;
import dev.paykit.prune.model.TransactionStatus;
import dev.paykit.prune.model.ValidatedAccount;
import dev.paykit.sandbox.prune.PruneSimulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Prune part of the demo: an individual account requested with its documents and approved, a
 * document rule refused before sending, a beneficiary's IBAN validated, money sent and followed to
 * CONFIRMED, and a payout whose answer is lost, resolved through its status operation without paying
 * twice.
 */
final class PruneTour {

  private PruneTour() {}

  static void run(PruneSimulator sim) {
    say("Prune sandbox at " + sim.baseUrl());
    PruneClient prune = PruneClient.builder()
        .apiKey(PruneSimulator.TEST_KEY)
        .baseUrl(sim.baseUrl())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).build())
        .pollPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).maxAttempts(5).build())
        .build();
    say("client          %s (the key's prefix)", prune.mode());

    try {
      prune.accountRequests().requestIndividual(amelie().id(IdType.IDENTITY_CARD, front(), null).build());
    } catch (ValidationException e) {
      say("refused         before sending: %s", e.violations().get(0).field() + " "
          + e.violations().get(0).rule() + " (an identity card needs its back side)");
    }
    AccountRequestReceipt receipt = prune.accountRequests().requestIndividual(amelie()
        .id(IdType.IDENTITY_CARD, front(), back()).build());
    say("account request %s %s, %d documents uploaded", receipt.getId(), receipt.getRequestStatus(),
        sim.documents(receipt.getId()).size());
    sim.approveAccountRequest(receipt.getId()); // Prune's review
    AccountRequestState state = prune.accountRequests().status(receipt.getId());
    String accountId = state.getIssuedAccount().getId();
    String iban = state.getIssuedAccount().getAccountIban();
    say("approved        %s: account %s, IBAN %s", state.getRequestStatus(), accountId, iban);
    sim.setBalance(accountId, new BigDecimal("500.00")); // a deposit

    ValidatedAccount bank = prune.accounts().validateIban(IBAN_COMMERZBANK, BIC_COMMERZBANK);
    say("validated       %s is at %s, %s", IBAN_COMMERZBANK, bank.getBankName(), bank.getCity());

    Transaction t = prune.transfers().send(new SendMoneyRequest()
        .account(iban).amount(new BigDecimal("120.00"))
        .beneficiaryFullName("Max Mustermann").destinationIBAN(IBAN_COMMERZBANK).destinationBIC(BIC_COMMERZBANK)
        .destinationCountry("Germany").destinationBank(bank.getBankName())
        .reference("rent-2026-11").reason("Rent November")
        .debtorFullName("Amélie Laurent").debtorAddress("12 rue de la Paix").debtorCountryCode("FR")
        .debtorCity("Paris").debtorType(DebtorType.INDIVIDUAL).debtorIdType("identityCard")
        .debtorIdNumber("FR1234567"));
    say("sent            120.00 EUR, transaction %s %s; balance now %s", t.getId(), t.getStatus(),
        prune.accounts().balance(accountId).toPlainString());
    sim.confirmTransaction(t.getId()); // Prune settles it
    TransactionStatus done = prune.transfers().awaitFinalStatus(t.getId());
    say("followed        transaction %s is %s", t.getId(), done);

    sim.dropConnectionAfterBookingNextPayout();
    DisburseRequest refund = new DisburseRequest().amount(new BigDecimal("42.00"))
        .beneficiaryFullName("Max Mustermann").destinationIBAN(IBAN_COMMERZBANK).destinationBIC(BIC_COMMERZBANK)
        .destinationCountry("Germany").destinationBank("Commerzbank").reference("refund-7").reason("Refund");
    try {
      prune.payouts().disburse(refund);
    } catch (PruneOutcomeUnknownException e) {
      say("outcome unknown the payout's answer was cut: not failed, not sent again (%d attempt); payout id %s",
          e.attempts(), e.transactionId());
      sim.confirmTransaction(e.transactionId()); // meanwhile Prune pays it out
      Resolution r = prune.payouts().resolve(e);
      say("resolved        %s: request %s, money %s, after %d status queries; payouts booked: %d", r.state(),
          r.requestStatus(), r.transactionStatus(), r.queries(), sim.payouts().size());
      try {
        prune.payouts().disburse(refund);
      } catch (ValidationException again) {
        say("not twice       the same reference again is refused: %s", again.violations().get(0).rule());
      }
    }

    long accounts = prune.accounts().listAutoPaging(IssuedCurrency.EUR).stream().count();
    say("accounts        %d EUR accounts read through auto-paging (page, meta.total)", accounts);
  }

  private static IndividualAccountRequest.Builder amelie() {
    return IndividualAccountRequest.builder()
        .firstName("Amélie").lastName("Laurent").country(CountryShort.FR)
        .proofOfAddress(PoaType.UTILITY_BILL, Document.of(pdf("electricity bill"), "bill.pdf", "application/pdf"))
        .currency(IssuedCurrency.EUR);
  }

  private static Document front() {
    return Document.of(png("front"), "id-front.png", "image/png");
  }

  private static Document back() {
    return Document.of(png("back"), "id-back.png", "image/png");
  }

  /** A tiny stand-in scan: PNG's signature, then filler. */
  private static byte[] png(String what) {
    byte[] b = new byte[256];
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(magic, 0, b, 0, magic.length);
    byte[] text = what.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, b, 16, text.length);
    return b;
  }

  private static byte[] pdf(String what) {
    return ("%PDF-1.7\n% " + what + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static void say(String format, Object... args) {
    System.out.println("[prune]      " + String.format(format, args));
  }
}
