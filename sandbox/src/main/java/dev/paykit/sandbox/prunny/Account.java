package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account at Prunny: fixed details, the ledger balance, the holds on it and its statement.
 * Available balance = ledger balance - held amounts: a hold blocks money without moving it.
 *
 * <p>Not thread-safe: only touched under {@link PrunnyBank}'s lock.
 */
final class PrunnyAccount {
  static final String CURRENCY = "NGN";

  private final String number;
  private final String customerId;
  private final String accountTypeId;
  private final String name;
  private final LocalDate opened;
  private final String branch;
  private BigDecimal ledger;
  private final Map<String, PrunnyHold> holds = new LinkedHashMap<>();
  private final List<PrunnyStatementEntry> statement = new ArrayList<>();

  PrunnyAccount(String number, String customerId, String accountTypeId, String name, LocalDate opened,
      String branch, BigDecimal openingBalance) {
    this.number = number;
    this.customerId = customerId;
    this.accountTypeId = accountTypeId;
    this.name = name;
    this.opened = opened;
    this.branch = branch;
    this.ledger = openingBalance;
  }

  String number() {
    return number;
  }

  String customerId() {
    return customerId;
  }

  String accountTypeId() {
    return accountTypeId;
  }

  String name() {
    return name;
  }

  BigDecimal ledgerBalance() {
    return ledger;
  }

  BigDecimal heldBalance() {
    return holds.values().stream().map(PrunnyHold::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  BigDecimal availableBalance() {
    return ledger.subtract(heldBalance());
  }

  void debit(PrunnyStatementEntry.Posting posting) {
    post(posting, true);
  }

  void credit(PrunnyStatementEntry.Posting posting) {
    post(posting, false);
  }

  private void post(PrunnyStatementEntry.Posting p, boolean debit) {
    ledger = debit ? ledger.subtract(p.amount()) : ledger.add(p.amount());
    statement.add(new PrunnyStatementEntry(number, p.amount(), debit, p.channel(), p.narration(),
        p.referenceId(), p.time(), p.transactionType(), ledger));
  }

  /** The statement lines from {@code from} to {@code to} (UTC days, both inclusive), oldest first. */
  List<PrunnyStatementEntry> statement(LocalDate from, LocalDate to) {
    return statement.stream().filter(e -> {
      LocalDate day = e.time().atZone(ZoneOffset.UTC).toLocalDate();
      return !day.isBefore(from) && !day.isAfter(to);
    }).toList();
  }

  Optional<PrunnyHold> hold(String referenceId) {
    return Optional.ofNullable(holds.get(referenceId));
  }

  void putHold(PrunnyHold hold) {
    holds.put(hold.referenceId(), hold);
  }

  /** Releases {@code amount} of a hold; a hold released in full is gone. */
  void release(String referenceId, BigDecimal amount) {
    PrunnyHold reduced = holds.get(referenceId).reducedBy(amount);
    if (reduced.amount().signum() == 0) {
      holds.remove(referenceId);
    } else {
      holds.put(referenceId, reduced);
    }
  }

  /** The spec's {@code Account} schema. */
  ObjectNode toJson(PrunnyCustomer owner) {
    ObjectNode json = Json.object()
        .put("accountNumber", number)
        .put("customerId", customerId)
        .put("accountName", name)
        .put("currency", CURRENCY)
        .put("accountOpeningDate", PrunnyEnvelope.date(opened));
    Instant last = statement.isEmpty() ? opened.atStartOfDay(ZoneOffset.UTC).toInstant()
        : statement.get(statement.size() - 1).time();
    json.put("lastTransactionDate", PrunnyEnvelope.dateTime(last))
        .put("accountType", accountTypeId)
        .put("bvn", owner.bvn())
        .put("fullName", owner.fullName())
        .put("phoneNumber", owner.phone())
        .put("email", owner.email())
        .put("status", "Active");
    json.set("expansionFields", PrunnyEnvelope.expansionFields(
        PrunnyEnvelope.field("branch", "Branch the account is domiciled at", branch)));
    return json;
  }

  /** The spec's {@code AccountBalance} schema. */
  ObjectNode balanceJson(PrunnyAccountType type) {
    ObjectNode json = Json.object().put("accountNumber", number).put("currency", CURRENCY).put("decimal", 2);
    json.set("availableBalance", PrunnyEnvelope.money(availableBalance()));
    json.set("clearedBalance", PrunnyEnvelope.money(ledger));
    json.set("unclearedBalance", PrunnyEnvelope.money(BigDecimal.ZERO));
    json.set("holdBalance", PrunnyEnvelope.money(heldBalance()));
    json.set("minimumBalance", PrunnyEnvelope.money(type.minimumBalance()));
    json.set("expansionFields", PrunnyEnvelope.expansionFields(
        PrunnyEnvelope.field("branch", "Branch the account is domiciled at", branch)));
    return json;
  }
}
