package dev.paykit.sandbox.prunny;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account read endpoints: accounts of a customer (paged), one account, its balance, account
 * types (paged) and one type, and the statement (paged). A GET naming an account, customer or type
 * that does not exist is a 404 whose errorCode is 07 (account) or 25 (other records).
 */
final class AccountsApi {
  /** OBN's statement query format. */
  private static final DateTimeFormatter DDMMYYYY =
      DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);

  private final Bank bank;

  AccountsApi(Bank bank) {
    this.bank = bank;
  }

  /** GET /v1/accounts with header {@code customerId}. */
  ObjectNode list(Call call) {
    String customerId = call.header("customerId");
    if (customerId.isEmpty()) {
      throw Envelope.invalid("missing required header: customerId");
    }
    Page page = Page.of(call, "listAccounts", List.of(customerId), Map.of());
    return bank.apply(s -> {
      Customer owner = customer(s, customerId);
      return page.render(call, s.accountsOf(customerId), a -> a.toJson(owner));
    });
  }

  /** GET /v1/accounts/{accountNumber}: a one-element array in {@code data}, as OBN's schema has it. */
  ObjectNode get(Call call) {
    return bank.apply(s -> {
      Account account = account(s, call.pathParameter(0));
      Customer owner = s.customers.get(account.customerId());
      return Envelope.approved(Json.object().arrayNode().add(account.toJson(owner)));
    });
  }

  /** GET /v1/accounts/balance/{accountNumber}. */
  ObjectNode balance(Call call) {
    return bank.apply(s -> {
      Account account = account(s, call.pathParameter(0));
      return Envelope.approved(account.balanceJson(s.accountTypes.get(account.accountTypeId())));
    });
  }

  /** GET /v1/accounts/types. */
  ObjectNode types(Call call) {
    Page page = Page.of(call, "listAccountTypes", List.of(), Map.of());
    return bank.apply(s ->
        page.render(call, List.copyOf(s.accountTypes.values()), AccountType::toJson));
  }

  /** GET /v1/accounts/types/{accountTypeId}. */
  ObjectNode type(Call call) {
    String id = call.pathParameter(0);
    return bank.apply(s -> {
      AccountType type = s.accountTypes.get(id);
      if (type == null) {
        throw Envelope.notFound(Codes.RECORD_NOT_FOUND, "no account type " + id);
      }
      return Envelope.approved(type.toJson());
    });
  }

  /**
   * GET /v1/transactions/{accountId}/statement: lines from {@code from} to {@code to} (DDMMYYYY, both
   * days included; defaults: the first line, and today by the simulator's clock), oldest first.
   */
  ObjectNode statement(Call call) {
    String accountId = call.pathParameter(0);
    FormParameters query = call.query();
    String fromText = query.get("from");
    String toText = query.get("to");
    LocalDate from = fromText.isEmpty() ? LocalDate.MIN : day("from", fromText);
    LocalDate to = toText.isEmpty() ? call.now().atZone(ZoneOffset.UTC).toLocalDate() : day("to", toText);
    if (from.isAfter(to)) {
      throw Envelope.invalid("from " + fromText + " is after to " + toText);
    }
    Map<String, String> linkQuery = new LinkedHashMap<>();
    if (!fromText.isEmpty()) {
      linkQuery.put("from", fromText);
    }
    if (!toText.isEmpty()) {
      linkQuery.put("to", toText);
    }
    Page page = Page.of(call, "getStatement", List.of(accountId, fromText, toText), linkQuery);
    return bank.apply(s ->
        page.render(call, account(s, accountId).statement(from, to), StatementEntry::toJson));
  }

  private static LocalDate day(String name, String value) {
    try {
      return LocalDate.parse(value, DDMMYYYY);
    } catch (DateTimeParseException e) {
      throw Envelope.invalid(
          "invalid " + name + ": '" + value + "' is not a day in the format DDMMYYYY");
    }
  }

  static Account account(State s, String number) {
    return s.account(number).orElseThrow(
        () -> Envelope.notFound(Codes.INVALID_ACCOUNT, "no account " + number + " at Prunny"));
  }

  static Customer customer(State s, String customerId) {
    Customer customer = s.customers.get(customerId);
    if (customer == null) {
      throw Envelope.notFound(Codes.RECORD_NOT_FOUND, "no customer " + customerId);
    }
    return customer;
  }
}
