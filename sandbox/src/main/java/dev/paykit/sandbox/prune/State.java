package dev.paykit.sandbox.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One environment's records (test or live): the accounts issued, the payout account, the account
 * requests and the transactions, with the sequences their ids come from. Sequences restart with every
 * new state, so a run after a reset sees the same ids. Not thread-safe: the {@link Store} hands it out
 * only under its lock.
 */
final class State {
  final Environment environment;
  final Map<String, IssuedAccount> accounts = new LinkedHashMap<>();
  final Map<String, AccountRequest> requests = new LinkedHashMap<>();
  final Map<String, Transaction> transactions = new LinkedHashMap<>();
  IssuedAccount payoutAccount;
  private long idSequence = 100;
  private long accountIdSequence = 100;
  private long dpsSequence = 400;
  /** Live transfers count from elsewhere, so a test transfer's number never names a live one. */
  private long transferSequence;
  private long eurAccountSequence = 10_000_000_100L;
  private long gbpAccountSequence = 41_000_100L;

  State(Environment environment) {
    this.environment = environment;
    this.transferSequence = environment == Environment.LIVE ? 9_000_000 : 1000;
  }

  /** A UUID-shaped id of this environment. */
  String nextId() {
    return environment.id(++idSequence);
  }

  long nextAccountId() {
    return ++accountIdSequence;
  }

  long nextDpsId() {
    return ++dpsSequence;
  }

  /** Send-money's ids are numbers in the docs' example. */
  String nextTransferId() {
    return Long.toString(++transferSequence);
  }

  /** 11 digits for EUR, 8 for GBP. */
  String nextAccountNumber(String currency) {
    return currency.equals("GBP") ? Long.toString(++gbpAccountSequence) : Long.toString(++eurAccountSequence);
  }

  /** An issued account or the payout account by id. */
  Optional<IssuedAccount> anyAccount(String id) {
    if (payoutAccount != null && payoutAccount.id.equals(id)) {
      return Optional.of(payoutAccount);
    }
    return Optional.ofNullable(accounts.get(id));
  }

  Optional<IssuedAccount> byIban(String iban) {
    return accounts.values().stream().filter(a -> a.iban.equals(iban)).findFirst();
  }
}
