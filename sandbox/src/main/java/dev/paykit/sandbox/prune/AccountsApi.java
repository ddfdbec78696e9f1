package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.FormParameters;
import dev.paykit.sandbox.Json;
import dev.paykit.sandbox.Paging;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issued accounts (list by currency and page, get one, balance), account validation and the acceptable
 * documents. The payout account is the business's own, not an issued account: it is in none of these.
 */
final class AccountsApi {
  private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern UK_ACCOUNT = Pattern.compile("[0-9]{8}");
  private static final Pattern SORT_CODE = Pattern.compile("[0-9]{2}-?[0-9]{2}-?[0-9]{2}");
  private static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
      Map.entry("UK", "United Kingdom"), Map.entry("FR", "France"), Map.entry("DE", "Germany"),
      Map.entry("IT", "Italy"), Map.entry("ES", "Spain"), Map.entry("NG", "Nigeria"), Map.entry("BJ", "Benin"),
      Map.entry("ML", "Mali"), Map.entry("TG", "Togo"), Map.entry("CI", "Cote d'Ivoire"),
      Map.entry("US", "United States"));

  private final PruneSimulator simulator;

  AccountsApi(PruneSimulator simulator) {
    this.simulator = simulator;
  }

  /** GET /v1/accounts?currency=&page=: pages of {@link PruneSimulator#pageSize}, {@code meta.total}. */
  Answer list(Call call) {
    FormParameters query = call.query();
    String currency = currency(query);
    String page = query.find("page").orElse("1");
    if (!PAGE.matcher(page).matches()) {
      throw Envelope.invalid("page must be a whole number from 1");
    }
    int size = simulator.pageSize();
    return simulator.store().apply(call.environment(), s -> {
      List<IssuedAccount> all = s.accounts.values().stream().filter(a -> a.currency.equals(currency)).toList();
      ArrayNode items = Json.object().arrayNode();
      Paging.slice(all, (Long.parseLong(page) - 1) * size, size)
          .forEach(a -> items.add(a.toJson(Fixtures.companyId(s.environment), PruneSimulator.COMPANY_NAME)));
      ObjectNode meta = Json.object().put("total", all.size());
      return new Answer(200, "Accounts fetched successfully", items, meta, null);
    });
  }

  /** GET /v1/accounts/{account_id}?currency=. */
  Answer get(Call call) {
    String currency = currency(call.query());
    return simulator.store().apply(call.environment(), s -> {
      IssuedAccount a = known(s, call.pathParameter(0));
      if (!a.currency.equals(currency)) {
        throw Envelope.notFound("User account not found");
      }
      return Answer.ok("Account fetched successfully",
          a.toJson(Fixtures.companyId(s.environment), PruneSimulator.COMPANY_NAME));
    });
  }

  /** GET /v1/accounts/{account_id}/balance: a bare number (docs). */
  Answer balance(Call call) {
    return simulator.store().apply(call.environment(), s ->
        Answer.ok("Account balance fetched", Envelope.money(known(s, call.pathParameter(0)).balance)));
  }

  /**
   * POST /v1/accounts/validate. EUR: a valid IBAN and a BIC of a bank the sandbox knows, else "Iban details
   * validation failed" (404). GBP: account number and sort code of an account the sandbox knows, else
   * "Failed to validate GBP account" (500), both as in the docs' examples.
   */
  Answer validate(Call call) {
    JsonBody body = call.json();
    String currency = body.optionalText("currency");
    boolean gbp = "GBP".equals(currency);
    if (currency != null && !currency.equals("EUR") && !gbp) {
      body.problem("currency must be EUR or GBP");
    }
    if (gbp ? body.has("iban") || body.has("bic") : body.has("accountNumber") || body.has("sortCode")) {
      body.problem(gbp ? "a GBP account is validated by accountNumber and sortCode, not iban and bic"
          : "accountNumber and sortCode need currency GBP; an EUR account is validated by iban and bic");
    }
    if (!gbp) {
      String iban = body.text("iban", 34, true);
      if (iban != null && !Iban.SHAPE.matcher(iban).matches()) {
        body.problem("iban must be an IBAN: upper case, no spaces");
      }
      String bic = body.bic("bic", true);
      body.done();
      return Banks.byBic(bic).filter(b -> Iban.valid(iban))
          .map(b -> Answer.ok("Iban details validated successfully", Banks.eur(b)))
          .orElseThrow(() -> Envelope.notFound("Iban details validation failed"));
    }
    String number = body.text("accountNumber", 8, true);
    String sortCode = body.text("sortCode", 8, true);
    if (number != null && !UK_ACCOUNT.matcher(number).matches()) {
      body.problem("accountNumber must be 8 digits");
    }
    if (sortCode != null && !SORT_CODE.matcher(sortCode).matches()) {
      body.problem("sortCode must be 6 digits, e.g. 601613 or 60-16-13");
    }
    body.done();
    String sort = sortCode.replace("-", "");
    boolean natwest = sort.equals(Banks.NATWEST_SORT_CODE) && number.equals(Banks.NATWEST_ACCOUNT);
    boolean ours = sort.equals(PruneSimulator.SORT_CODE) && simulator.store().apply(call.environment(),
        s -> s.accounts.values().stream().anyMatch(a -> number.equals(a.accountNumber) && a.sortCode != null));
    if (!natwest && !ours) {
      throw Envelope.error(500, "Failed to validate GBP account");
    }
    Banks.Bank bank = natwest ? Banks.natwest() : Banks.sandboxGb();
    String iban = Iban.of("GB", bank.bic().substring(0, 4) + sort + number);
    return Answer.ok("GBP account validated successfully", Banks.gbp(bank, iban));
  }

  /**
   * GET /v1/accounts/documents?countryShort=&type=: one item per country and kind. The docs' item is
   * truncated after {@code id, country, countryShort, createdAt}; the sandbox adds {@code type} (id or
   * poa) and {@code documentTypes} (the case-sensitive names the requests take), its own choice.
   */
  Answer documents(Call call) {
    FormParameters query = call.query();
    String country = query.find("countryShort").orElse(null);
    String type = query.find("type").orElse(null);
    if (country != null && !Documents.COUNTRIES.contains(country)) {
      throw Envelope.invalid("countryShort must be one of " + String.join(", ", Documents.COUNTRIES));
    }
    if (type != null && !type.equals("id") && !type.equals("poa")) {
      throw Envelope.invalid("type must be id or poa");
    }
    ArrayNode items = Json.object().arrayNode();
    for (String c : Documents.COUNTRIES) {
      for (String kind : List.of("id", "poa")) {
        if ((country == null || country.equals(c)) && (type == null || type.equals(kind))) {
          ObjectNode item = items.addObject().put("id", "doc-" + c + "-" + kind).put("country", COUNTRY_NAMES.get(c))
              .put("countryShort", c).put("createdAt", Envelope.dateTime(Fixtures.CREATED)).put("type", kind);
          ArrayNode names = item.putArray("documentTypes");
          (kind.equals("id") ? Documents.ID_TYPES : Documents.POA_TYPES).forEach(names::add);
        }
      }
    }
    return Answer.ok("Acceptable documents fetched", items);
  }

  /** The {@code currency} query parameter: required, EUR or GBP. */
  private static String currency(FormParameters query) {
    String currency = query.get("currency");
    if (!Documents.CURRENCIES.contains(currency)) {
      throw Envelope.invalid("currency is required: EUR or GBP");
    }
    return currency;
  }

  static IssuedAccount known(State s, String id) {
    IssuedAccount a = s.accounts.get(id);
    if (a == null) {
      throw Envelope.notFound("User account not found");
    }
    return a;
  }
}
