package dev.paykit.sandbox.prunny;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the Prunny simulator knows, from the fixtures and from the requests since: customers,
 * account types, accounts, the directory of other banks, the transaction log, mandates, and the
 * response codes queued by {@code respondNextWithCode}. Sequences restart with every new state, so a
 * run after a reset sees the same references and account numbers.
 *
 * <p>Not thread-safe: {@link Bank} hands it out only under its lock.
 */
final class State {
  /** An account at another bank, known to name enquiry and inter-bank transfers. */
  record ExternalAccount(String bankCode, String accountNumber, String accountName, String bvn) {}

  final Map<String, Customer> customers = new LinkedHashMap<>();
  final Map<String, AccountType> accountTypes = new LinkedHashMap<>();
  final Map<String, Account> accounts = new LinkedHashMap<>();
  final Map<String, String> banks = new LinkedHashMap<>();
  final Map<String, ExternalAccount> externalAccounts = new HashMap<>();
  final Map<String, Transaction> transactions = new LinkedHashMap<>();
  /** referenceId of every transfer that was recorded (whatever its outcome) to its transactionRef. */
  final Map<String, String> transferReferences = new HashMap<>();
  final Map<String, Mandate> mandates = new LinkedHashMap<>();
  final Set<String> mandateReferences = new HashSet<>();
  final Set<String> openingRequests = new HashSet<>();
  final Deque<String> codeOverrides = new ArrayDeque<>();
  private long transactionSequence;
  private long nubanSerial = 200_000_000L;
  private long ofiSequence = 1;
  private long mandateSequence;

  /** "PRN" and 12 digits, in order of creation. */
  String nextTransactionRef() {
    return String.format("PRN%012d", ++transactionSequence);
  }

  String nextNuban() {
    return Nuban.of(PrunnySimulator.BANK_CODE, ++nubanSerial);
  }

  String nextOfiAccount() {
    return String.format("5%014d", ++ofiSequence);
  }

  String nextMandateId() {
    return String.format("MDT%08d", ++mandateSequence);
  }

  Optional<Account> account(String number) {
    return Optional.ofNullable(accounts.get(number));
  }

  Optional<ExternalAccount> externalAccount(String bankCode, String number) {
    return Optional.ofNullable(externalAccounts.get(bankCode + "/" + number));
  }

  void addExternalAccount(ExternalAccount account) {
    externalAccounts.put(account.bankCode() + "/" + account.accountNumber(), account);
  }

  List<Account> accountsOf(String customerId) {
    return accounts.values().stream().filter(a -> a.customerId().equals(customerId)).toList();
  }

  List<Customer> customersWithBvn(String bvn) {
    return customers.values().stream().filter(c -> c.bvn().equals(bvn)).toList();
  }

  Transaction record(Transaction transaction) {
    transactions.put(transaction.ref(), transaction);
    return transaction;
  }

  List<Transfer> transfers() {
    List<Transfer> out = new ArrayList<>();
    transactions.values().stream().filter(t -> t.order().isPresent()).forEach(t -> out.add(t.snapshot()));
    return out;
  }
}
