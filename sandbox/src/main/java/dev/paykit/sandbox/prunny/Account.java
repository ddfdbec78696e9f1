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
 * <p>Not thread-safe: only touched under {@link Bank}'s lock.
 */
final class Account {
  static final String CURRENCY = "NGN";

  private final String number;
  private final String customerId;
  private final String accountTypeId;
  private final String name;
  private final LocalDate opened;
  private final String branch;
  private BigDecimal ledger;
  private final Map<String, Hold> holds = new LinkedHashMap<>();
  private final List<StatementEntry> statement = new ArrayList<>();

  Account(String number, String customerId, String accountTypeId, String name, LocalDate opened,
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
    return holds.values().stream().map(Hold::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  BigDecimal availableBalance() {
    return ledger.subtract(heldBalance());
  }

  void debit(StatementEntry.Posting posting) {
    post(posting, true);
  }

  void credit(StatementEntry.Posting posting) {
    post(posting, false);
  }

  private void post(StatementEntry.Posting p, boolean debit) {
    ledger = debit ? ledger.subtract(p.amount()) : ledger.add(p.amount());
    statement.add(new StatementEntry(number, p.amount(), debit, p.channel(), p.narration(),
        p.referenceId(), p.time(), p.transactionType(), ledger));
  }

  /** The statement lines from {@code from} to {@code to} (UTC days, both inclusive), oldest first. */
  List<StatementEntry> statement(LocalDate from, LocalDate to) {
    return statement.stream().filter(e -> {
      LocalDate day = e.time().atZone(ZoneOffset.UTC).toLocalDate();
      return !day.isBefore(from) && !day.isAfter(to);
    }).toList();
  }

  Optional<Hold> hold(String referenceId) {
    return Optional.ofNullable(holds.get(referenceId));
  }

  void putHold(Hold hold) {
    holds.put(hold.referenceId(), hold);
  }

  /** Releases {@code amount} of a hold; a hold released in full is gone. */
  void release(String referenceId, BigDecimal amount) {
    Hold reduced = holds.get(referenceId).reducedBy(amount);
    if (reduced.amount().signum() == 0) {
      holds.remove(referenceId);
    } else {
      holds.put(referenceId, reduced);
    }
  }

  /** The spec's {@code Account} schema. */
  ObjectNode toJson(Customer owner) {
    ObjectNode json = Json.object()
        .put("accountNumber", number)
        .put("customerId", customerId)
        .put("accountName", name)
        .put("currency", CURRENCY)
        .put("accountOpeningDate", Envelope.date(opened));
    Instant last = statement.isEmpty() ? opened.atStartOfDay(ZoneOffset.UTC).toInstant()
        : statement.get(statement.size() - 1).time();
    json.put("lastTransactionDate", Envelope.dateTime(last))
        .put("accountType", accountTypeId)
        .put("bvn", owner.bvn())
        .put("fullName", owner.fullName())
        .put("phoneNumber", owner.phone())
        .put("email", owner.email())
        .put("status", "Active");
    json.set("expansionFields", Envelope.expansionFields(
        Envelope.field("branch", "Branch the account is domiciled at", branch)));
    return json;
  }

  /** The spec's {@code AccountBalance} schema. */
  ObjectNode balanceJson(AccountType type) {
    ObjectNode json = Json.object().put("accountNumber", number).put("currency", CURRENCY).put("decimal", 2);
    json.set("availableBalance", Envelope.money(availableBalance()));
    json.set("clearedBalance", Envelope.money(ledger));
    json.set("unclearedBalance", Envelope.money(BigDecimal.ZERO));
    json.set("holdBalance", Envelope.money(heldBalance()));
    json.set("minimumBalance", Envelope.money(type.minimumBalance()));
    json.set("expansionFields", Envelope.expansionFields(
        Envelope.field("branch", "Branch the account is domiciled at", branch)));
    return json;
  }
}
