package dev.paykit.tests.prune;

import static dev.paykit.sandbox.prune.PruneSimulator.ACCOUNT_EUR;
import static dev.paykit.sandbox.prune.PruneSimulator.IBAN_EUR;
import static dev.paykit.tests.prune.PruneFixtures.cardHolder;
import static dev.paykit.tests.prune.PruneFixtures.passportHolder;
import static dev.paykit.tests.prune.PruneFixtures.pdf;
import static dev.paykit.tests.prune.PruneFixtures.png;
import static dev.paykit.tests.prune.PruneFixtures.pngDoc;
import static dev.paykit.tests.prune.PruneFixtures.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paykit.core.InvalidRequestException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.ValidationException;
import dev.paykit.core.Violation;
import dev.paykit.prune.CompanyPerson;
import dev.paykit.prune.Document;
import dev.paykit.prune.IndividualAccountRequest;
import dev.paykit.prune.PruneClient;
import dev.paykit.prune.model.DebtorType;
import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.PoaType;
import dev.paykit.prune.model.SendMoneyRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every document rule and every conditional rule is refused before anything is sent, every violation
 * named in one exception, no message repeating a value or a file name; and a reference is used once.
 * Against the sandbox, which would refuse the same requests: that nothing reached it is the proof.
 */
class PruneValidationTest extends PruneSandboxTestBase {

  @TempDir
  Path dir;

  private ValidationException refused(Executable call) {
    ValidationException e = assertThrows(ValidationException.class, call);
    assertThat(sentAll()).as("nothing was sent").isEmpty();
    return e;
  }

  private static List<String> rules(ValidationException e) {
    return e.violations().stream().map(v -> v.field() + " " + v.rule()).toList();
  }

  @Test
  void anIdThatIsNotAPassportNeedsItsBackSide() {
    ValidationException e = refused(() -> client.accountRequests().requestIndividual(PruneFixtures.individual()
        .id(IdType.DRIVING_LICENSE, pngDoc("front.png", 1), null).build()));

    assertThat(rules(e)).containsExactly("body anyOf");
    assertThat(e.violations().get(0).message()).contains("an ID with its back side idFileBack is required",
        "a passport, which has no back side");
  }

  @Test
  void aPassportNeedsNoBackSide() {
    client.accountRequests().requestIndividual(PruneFixtures.individual()
        .id(IdType.PASSPORT, pngDoc("passport.png", 1), null).build());

    assertThat(sent("/v1/accounts/request-account")).hasSize(1);
  }

  @Test
  void everyDocumentRuleIsNamedAtOnceWithoutRepeatingANameOrAValue() {
    ValidationException e = refused(() -> client.accountRequests().requestIndividual(IndividualAccountRequest.builder()
        .firstName("").lastName(null)
        .id(IdType.IDENTITY_CARD, Document.of("GIF89a-secret-scan".getBytes(StandardCharsets.US_ASCII),
            "jean-dupont-id.gif", "image/gif"), Document.of(pdf(300, 1), "jean-dupont-back.png", "image/png"))
        .proofOfAddress(PoaType.UTILITY_BILL, Document.of(png(512_001, 2), "jean-dupont-bill.png", null))
        .build()));

    assertThat(rules(e)).containsExactly("firstName minLength", "lastName required", "countryShort required",
        "idFile contentType", "idFile extension", "idFileBack signature", "poaFile x-paykit-max-bytes");
    assertThat(e.getMessage()).doesNotContain("jean-dupont", "secret-scan", "512001");
  }

  @Test
  void anEmptyOrUnreadableDocumentIsNamedAndItsPathIsNotShown() {
    Path missing = dir.resolve("private/jean-dupont/passport.png");

    ValidationException e = refused(() -> client.accountRequests().requestIndividual(PruneFixtures.individual()
        .id(IdType.PASSPORT, Document.of(missing), null)
        .proofOfAddress(PoaType.BANK_STATEMENT, Document.of(new byte[0], "statement.pdf", "application/pdf"))
        .build()));

    assertThat(rules(e)).containsExactly("idFile readable", "poaFile empty");
    assertThat(e.getMessage()).doesNotContain("jean-dupont", dir.toString());
  }

  @Test
  void everyDirectorAndShareholderSendsTheirFourPartsAndTheBackOfAnIdThatIsNotAPassport() {
    CompanyPerson noBack = CompanyPerson.of(IdType.IDENTITY_CARD, pngDoc("s1-front.png", 3), PoaType.UTILITY_BILL,
        pngDoc("s1-bill.png", 4));
    CompanyPerson incomplete = CompanyPerson.of(IdType.PASSPORT, pngDoc("d2.png", 5), null, null);
    CompanyPerson noBackAndNoPoa = CompanyPerson.of(IdType.RESIDENCE_PERMIT, pngDoc("d3.png", 6), PoaType.BANK_STATEMENT,
        null);

    ValidationException e = refused(() -> client.accountRequests().requestCorporate(PruneFixtures.corporate()
        .companyName(null)
        .director(passportHolder(1)).director(incomplete).director(noBackAndNoPoa)
        .shareholder(noBack).shareholder(cardHolder(7)).build()));

    assertThat(rules(e)).containsExactly("companyName required",
        "director_2_poaType required", "director_2_poaFile required",
        "director_3_poaFile required", "director_3_idFileBack required",
        "shareholder_1_idFileBack required");
    assertThat(e.violations()).filteredOn(v -> v.field().equals("director_2_poaFile")).extracting(Violation::message)
        .containsExactly("is required: every director sends idType, idFile, poaType and poaFile together");
    assertThat(e.violations()).filteredOn(v -> v.field().equals("shareholder_1_idFileBack")).extracting(Violation::message)
        .containsExactly("is required: every ID but a passport needs its back side (shareholder_1_idType)");
  }

  @Test
  void aCompanyWithoutDirectorsOrShareholdersIsNamedByTheSpecsOwnRules() {
    ValidationException e = refused(() -> client.accountRequests().requestCorporate(PruneFixtures.corporate().build()));

    assertThat(rules(e)).containsExactly("director_1_idType required", "director_1_idFile required",
        "director_1_poaType required", "director_1_poaFile required", "shareholder_1_idType required",
        "shareholder_1_idFile required", "shareholder_1_poaType required", "shareholder_1_poaFile required");
  }

  @Test
  void aNullDirectorIsNamed() {
    ValidationException e = refused(() -> client.accountRequests().requestCorporate(PruneFixtures.corporate()
        .director(passportHolder(1)).director(null).shareholder(passportHolder(3)).build()));

    assertThat(rules(e)).containsExactly("director_2 required");
  }

  @Test
  void aCompanyDebtorNeedsAWebsiteOrARegistrationNumber() {
    SendMoneyRequest company = transfer(IBAN_EUR, "inv-1", "10.00").debtorType(DebtorType.COMPANY)
        .debtorIdType(null).debtorIdNumber(null);

    ValidationException e = refused(() -> client.transfers().send(company));

    assertThat(rules(e)).containsExactly(" anyOf");
    assertThat(e.violations().get(0).message()).contains("debtorWebsite is required", "debtorBusinessRegNo is required");

    client.transfers().send(company.debtorBusinessRegNo("RCS Paris 123 456 789"));
    assertThat(sim.transfers()).hasSize(1);
  }

  @Test
  void anIndividualDebtorNeedsAnIdTypeAndNumber() {
    ValidationException e = refused(() -> client.transfers().send(transfer(IBAN_EUR, "inv-2", "10.00")
        .debtorIdNumber(null).debtorWebsite("https://example.com")));

    assertThat(rules(e)).containsExactly(" anyOf");
    assertThat(e.violations().get(0).message()).contains("debtorIdNumber is required");
  }

  @Test
  void theTransfersOwnFieldsAreCheckedAllAtOnce() {
    ValidationException e = refused(() -> client.transfers().send(transfer("lt213999010000000001", "x".repeat(141),
        "10.005").destinationBIC("COBA").debtorCountryCode("France").beneficiaryFullName(null)));

    assertThat(rules(e)).containsExactly("beneficiaryFullName required", "account pattern", "amount multipleOf",
        "destinationBIC pattern", "reference maxLength", "debtorCountryCode pattern");
    assertThat(e.getMessage()).doesNotContain("lt2139", "xxxxxxxxxx", "10.005", "France");
  }

  @Test
  void anAmountOfZeroOrBeyondTheBoundIsRefused() {
    assertThat(rules(refused(() -> client.transfers().send(transfer(IBAN_EUR, "inv-3", "0.00")))))
        .containsExactly("amount exclusiveMinimum");
    assertThat(rules(refused(() -> client.payouts().disburse(PruneFixtures.payout("p-3", "1000000000.00")))))
        .containsExactly("amount maximum");
  }

  @Test
  void aReferenceIsUsedOncePerClientForTransfersAndPayoutsAlike() {
    client.transfers().send(transfer(IBAN_EUR, "order-1001", "10.00"));

    ValidationException again = assertThrows(ValidationException.class,
        () -> client.transfers().send(transfer(IBAN_EUR, "order-1001", "10.00")));
    ValidationException asPayout = assertThrows(ValidationException.class,
        () -> client.payouts().disburse(PruneFixtures.payout("order-1001", "10.00")));
    ValidationException withOthers = assertThrows(ValidationException.class,
        () -> client.transfers().send(transfer(IBAN_EUR, "order-1001", "-1")));

    assertThat(rules(again)).containsExactly("reference unique");
    assertThat(again.violations().get(0).message()).contains("would pay again", "resolve");
    assertThat(rules(asPayout)).containsExactly("reference unique");
    assertThat(rules(withOthers)).containsExactly("amount exclusiveMinimum", "reference unique");
    assertThat(sent("/v1/accounts/send")).hasSize(1);
    assertThat(sent("/v1/payout/disburse")).isEmpty();
    // a view shares the references; another client does not know them
    assertThrows(ValidationException.class, () -> client.withOptions(RequestOptions.none()).transfers()
        .send(transfer(IBAN_EUR, "order-1001", "10.00")));
    PruneClient other = clientBuilder().build();
    other.transfers().send(transfer(IBAN_EUR, "order-1001", "10.00"));
    assertThat(sim.transfers()).hasSize(2);
  }

  @Test
  void aReferenceRefusedByPruneMayBeTriedAgain() {
    sim.setBalance(ACCOUNT_EUR, new BigDecimal("5.00"));
    assertThrows(InvalidRequestException.class, () -> client.transfers().send(transfer(IBAN_EUR, "order-2002", "10.00")));
    sim.setBalance(ACCOUNT_EUR, new BigDecimal("50.00"));

    client.transfers().send(transfer(IBAN_EUR, "order-2002", "10.00"));

    assertThat(sent("/v1/accounts/send")).hasSize(2);
    assertThat(sim.transfers()).hasSize(1);
  }

  @Test
  void aReferenceInvalidForAnotherReasonIsNotUsedUp() {
    refused(() -> client.transfers().send(transfer(IBAN_EUR, "order-3003", "10.001")));

    client.transfers().send(transfer(IBAN_EUR, "order-3003", "10.00"));

    assertThat(sim.transfers()).hasSize(1);
  }

  @Test
  void aClientThatKeepsNoReferencesDoesNotRefuseOne() {
    PruneClient forgetful = clientBuilder().referenceMemory(0).build();
    forgetful.transfers().send(transfer(IBAN_EUR, "order-4004", "1.00"));
    forgetful.transfers().send(transfer(IBAN_EUR, "order-4004", "1.00"));

    assertThat(sim.transfers()).hasSize(2); // Prune itself would book both: it checks no reference
  }

  @Test
  void anIdempotencyKeyIsRefusedForPrunesMoneyCalls() {
    ValidationException e = refused(() -> client.transfers().send(transfer(IBAN_EUR, "inv-9", "1.00"),
        RequestOptions.ofIdempotencyKey("k-1")));

    assertThat(rules(e)).containsExactly("idempotencyKey unsupported");
  }
}
