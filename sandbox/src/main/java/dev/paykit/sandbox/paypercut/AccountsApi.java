package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform account and its connected accounts. Only the platform makes connected accounts
 * (from a connected account, {@code POST /v1/accounts} is a 403 {@code permission_denied}); the
 * platform may add external bank accounts to itself or to any of its connected accounts, a
 * connected account only to itself (another id is a 404, as if it did not exist). IBANs are
 * checked (pattern and ISO 13616 check digits) and answered masked.
 */
final class AccountsApi {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
  private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

  private final Store store;

  AccountsApi(Store store) {
    this.store = store;
  }

  ObjectNode create(Call call) {
    Body b = call.body();
    String type = b.requiredEnumeration("type", "standard", "custom", "express");
    String businessType = b.enumeration("business_type", "company", "individual", "non_profit").orElse(null);
    String country = b.matching("country", COUNTRY, 2, "an ISO 3166-1 alpha-2 country code (upper case)").orElse(null);
    String currency = b.currency("default_currency").orElse(null);
    String email = b.email("email", 512).orElse(null);
    ObjectNode businessProfile = b.freeObject("business_profile").orElse(null);
    ObjectNode company = b.freeObject("company").orElse(null);
    ObjectNode tos = b.object("tos_acceptance").map(AccountsApi::tosAcceptance).orElse(null);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    Instant now = call.now();
    return store.apply(s -> {
      if (!s.accounts.get(call.account()).isPlatform()) {
        throw Errors.error(403, Errors.INVALID_REQUEST, "permission_denied", null,
            "Only the platform account can create connected accounts (this request acts for "
                + call.account() + ").");
      }
      Account account = new Account(s.nextId("acct"), call.account(), now, type, country, currency, email,
          businessType, businessProfile, company, tos, metadata);
      s.accounts.put(account.id, account);
      return account.json();
    });
  }

  private static ObjectNode tosAcceptance(Body tos) {
    ObjectNode json = Json.object();
    tos.timestamp("date").ifPresent(t -> json.put("date", Render.time(t)));
    tos.string("ip", 100).ifPresent(v -> json.put("ip", v));
    tos.string("user_agent", 5000).ifPresent(v -> json.put("user_agent", v));
    tos.string("service_agreement", 100).ifPresent(v -> json.put("service_agreement", v));
    return json;
  }

  ObjectNode get(Call call) {
    return store.apply(s -> s.accounts.get(call.account()).json());
  }

  /** Answers the ExternalAccountEntry; event {@code account.external_account.created} in the account it was added to. */
  ObjectNode addExternalAccount(Call call) {
    String target = call.pathParameter(0);
    Body b = call.body();
    Body bank = b.requiredObject("external_account");
    bank.requiredEnumeration("object", "bank_account");
    String country = bank.matching("country", COUNTRY, 2, "an ISO 3166-1 alpha-2 country code (upper case)")
        .orElseThrow(() -> Errors.missing(bank.param("country")));
    String currency = bank.requiredCurrency("currency");
    String holderName = bank.requiredString("holder_name", 1, 200);
    String holderType = bank.enumeration("holder_type", "individual", "company").orElse(null);
    String bankName = bank.string("bank_name", 200).orElse(null);
    Body numbers = bank.requiredObject("numbers");
    numbers.requiredEnumeration("scheme", "iban");
    String iban = numbers.matching("iban", IBAN, 34, "an IBAN (upper case, no spaces)")
        .orElseThrow(() -> Errors.missing(numbers.param("iban")));
    if (!ibanChecksumValid(iban)) {
      throw Errors.invalid(numbers.param("iban"), "its check digits are wrong");
    }
    String bic = numbers.matching("bic", BIC, 11, "a BIC").orElse(null);
    boolean defaultForCurrency = b.bool("default_for_currency").orElse(false);
    ObjectNode metadata = b.metadata("metadata").orElse(Json.object());
    b.finish();
    Instant now = call.now();
    return store.apply(s -> {
      Account account = reachable(s, call.account(), target)
          .orElseThrow(() -> Errors.error(404, Errors.INVALID_REQUEST, "resource_missing", "account_id",
              "No such account: '" + target + "'"));
      if (defaultForCurrency) {
        account.bankAccounts.stream().filter(a -> a.currency.equals(currency))
            .forEach(a -> a.defaultForCurrency = false);
      }
      Account.BankAccount added = new Account.BankAccount(s.nextId("ba"), country, currency, holderName,
          holderType, bankName, iban, bic, defaultForCurrency, metadata);
      account.bankAccounts.add(added);
      s.emit(account.id, "account.external_account.created", added.externalAccount(), now);
      return added.entry();
    });
  }

  /** {@code target} if the caller is it, or is the platform and {@code target} one of its connected accounts. */
  private static Optional<Account> reachable(State s, String caller, String target) {
    Account account = s.accounts.get(target);
    if (account == null) {
      return Optional.empty();
    }
    return target.equals(caller) || caller.equals(account.parent) ? Optional.of(account) : Optional.empty();
  }

  /** ISO 13616: move the first four characters to the end, letters to numbers (A=10), mod 97 is 1. */
  static boolean ibanChecksumValid(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
