package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * A direct-debit mandate: its terms (the create/update body), its state ({@code valid},
 * {@code cancelled}, {@code expired}: the spec's MandateStatus; the sandbox never leaves one
 * {@code pending}, see {@link PrunnySimulator}) and how often it has been charged. Not thread-safe:
 * only touched under {@link Bank}'s lock.
 */
final class Mandate {
  static final String VALID = "valid";
  static final String CANCELLED = "cancelled";
  static final String EXPIRED = "expired";

  /** The spec's MandateRequest, validated. */
  record Terms(
      String referenceId,
      String description,
      String sourceAccount,
      String sourceAccountName,
      Optional<BigDecimal> maximumAmount,
      Optional<Integer> maximumTransactions,
      String sourceCurrency,
      Optional<String> sourceNarration,
      Instant startDate,
      Optional<Instant> endDate,
      Optional<String> frequency,
      String merchantAccount,
      String merchantAccountName,
      String merchantCurrency,
      Optional<String> statusWebHook) {}

  private final String mandateId;
  private final String referenceId;
  private Terms terms;
  private String status = VALID;
  private int debits;
  private Optional<Instant> nextCharge = Optional.empty();

  Mandate(String mandateId, Terms terms) {
    this.mandateId = mandateId;
    this.referenceId = terms.referenceId();
    this.terms = terms;
  }

  String mandateId() {
    return mandateId;
  }

  String referenceId() {
    return referenceId;
  }

  Terms terms() {
    return terms;
  }

  String status() {
    return status;
  }

  int debits() {
    return debits;
  }

  /** Replaces the terms; the mandate keeps its id, its first referenceId and its count of debits. */
  void update(Terms newTerms) {
    this.terms = newTerms;
  }

  void cancel() {
    status = CANCELLED;
    nextCharge = Optional.empty();
  }

  /** Marks it expired when its end date has passed; true if it is (now) expired. */
  boolean expireIfEnded(Instant now) {
    if (VALID.equals(status) && terms.endDate().isPresent() && now.isAfter(terms.endDate().get())) {
      status = EXPIRED;
      nextCharge = Optional.empty();
    }
    return EXPIRED.equals(status);
  }

  /** One successful debit at {@code now}; the next is possible one frequency period later. */
  void charged(Instant now) {
    debits++;
    nextCharge = terms.frequency().map(f -> switch (f.toLowerCase(Locale.ROOT)) {
      case "daily" -> now.plus(Duration.ofDays(1));
      case "weekly" -> now.plus(Duration.ofDays(7));
      case "monthly" -> now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
      default -> null;
    });
  }

  /** The next day a charge is possible: after {@link #charged} its period, else the start date. */
  Optional<String> nextPossibleChargeDate() {
    if (!VALID.equals(status)) {
      return Optional.empty();
    }
    Instant next = nextCharge.orElse(terms.startDate());
    return Optional.of(Envelope.date(next.atZone(ZoneOffset.UTC).toLocalDate()));
  }

  /** The spec's {@code Mandate} schema (get mandate). */
  ObjectNode toJson() {
    ObjectNode json = Json.object().put("mandateId", mandateId).put("referenceId", referenceId)
        .put("mandate_status", status).put("description", terms.description())
        .put("sourceAccount", terms.sourceAccount()).put("sourceAccountName", terms.sourceAccountName());
    terms.maximumAmount().ifPresent(a -> json.set("maximumAmount", Envelope.money(a)));
    terms.maximumTransactions().ifPresent(n -> json.put("maximumTransactions", n));
    json.put("sourceCurrency", terms.sourceCurrency());
    terms.sourceNarration().ifPresent(n -> json.put("sourceNarration", n));
    json.put("next_possible_charge_date", nextPossibleChargeDate().orElse(null));
    json.put("startDate", Envelope.dateTime(terms.startDate()));
    json.put("endDate", terms.endDate().map(Envelope::dateTime).orElse(null));
    terms.frequency().ifPresent(f -> json.put("frequency", f));
    json.put("merchantAccount", terms.merchantAccount())
        .put("merchantAccountName", terms.merchantAccountName())
        .put("merchantCurrency", terms.merchantCurrency())
        .put("statusWebHook", terms.statusWebHook().orElse(null));
    json.set("expansionFields", Envelope.expansionFields(
        Envelope.field("debitsMade", "Debits made under this mandate", Integer.toString(debits))));
    return json;
  }
}
