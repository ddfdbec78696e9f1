package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account the simulator has issued (a fixture, or an approved request), or the business's own payout
 * account. EUR accounts have an IBAN (Lithuanian form, the sandbox's bank code) and an 11-digit account
 * number; GBP accounts an 8-digit account number, a sort code and a GB IBAN built from them. Mutable;
 * only touched under the {@link Store}'s lock.
 */
final class IssuedAccount {
  final String id;
  final long accountId;
  final Environment environment;
  final String type;
  final String firstName;
  final String lastName;
  final String accountName;
  final String currency;
  final String iban;
  final String bic;
  final String accountNumber;
  final String sortCode;
  final boolean trusted;
  final Instant createdAt;
  BigDecimal balance;
  String status = "ACTIVE";
  Instant updatedAt;

  IssuedAccount(String id, long accountId, Environment environment, String type, String firstName,
      String lastName, String accountName, String currency, String accountNumber, boolean trusted,
      BigDecimal balance, Instant createdAt) {
    this.id = id;
    this.accountId = accountId;
    this.environment = environment;
    this.type = type;
    this.firstName = firstName;
    this.lastName = lastName;
    this.accountName = accountName;
    this.currency = currency;
    this.accountNumber = accountNumber;
    this.trusted = trusted;
    this.balance = balance;
    this.createdAt = createdAt;
    if (currency.equals("GBP")) {
      this.sortCode = PruneSimulator.SORT_CODE;
      this.iban = Iban.of("GB", PruneSimulator.GB_BANK_CODE + sortCode + accountNumber);
      this.bic = PruneSimulator.GB_BIC;
    } else {
      this.sortCode = null;
      this.iban = Iban.of("LT", PruneSimulator.LT_BANK_CODE + accountNumber);
      this.bic = PruneSimulator.BIC;
    }
  }

  /** The issued account as list-issued-accounts and get-single-issued-account show it. */
  ObjectNode toJson(String companyId, String companyName) {
    ObjectNode node = Json.object().put("id", id).put("accountId", accountId);
    if (firstName != null) {
      node.put("firstName", firstName).put("lastName", lastName);
    }
    node.put("accountName", accountName).put("accountNumber", accountNumber).put("sortCode", sortCode)
        .put("accountIban", iban).put("accountBic", bic).put("walletId", "wallet-" + accountId);
    node.set("accountBalance", Envelope.money(balance));
    node.put("currency", currency).put("currencyType", currency).put("companyId", companyId)
        .put("companyName", companyName).put("status", status).put("type", type).put("isTrusted", trusted)
        .put("staging", environment.name()).put("createdAt", Envelope.dateTime(createdAt))
        .put("updatedAt", updatedAt == null ? null : Envelope.dateTime(updatedAt)).putNull("deletedAt");
    return node;
  }
}
