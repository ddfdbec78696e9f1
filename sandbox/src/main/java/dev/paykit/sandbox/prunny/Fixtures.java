package dev.paykit.sandbox.prunny;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The data every Prunny simulator starts with, and returns to on reset. Deterministic: the same
 * customers, accounts, balances and statement lines in every run. Currency NGN throughout; the
 * 10-digit accounts are valid NUBANs of bank code {@value PrunnySimulator#BANK_CODE}.
 *
 * <table>
 *   <caption>Accounts at Prunny</caption>
 *   <tr><th>Account</th><th>Owner</th><th>Type</th><th>Balance</th></tr>
 *   <tr><td>{@value #ACCOUNT_ADAEZE}</td><td>{@value #CUSTOMER_ADAEZE} Adaeze Okafor</td>
 *       <td>savings</td><td>500000.00, {@value #STATEMENT_ENTRIES_ADAEZE} statement lines</td></tr>
 *   <tr><td>{@value #ACCOUNT_ADAEZE_CURRENT}</td><td>{@value #CUSTOMER_ADAEZE}</td>
 *       <td>current</td><td>20000.00</td></tr>
 *   <tr><td>{@value #ACCOUNT_BABATUNDE}</td><td>{@value #CUSTOMER_BABATUNDE} Babatunde Adeyemi</td>
 *       <td>current</td><td>250000.00</td></tr>
 *   <tr><td>{@value #ACCOUNT_CHIAMAKA}</td><td>{@value #CUSTOMER_CHIAMAKA} Chiamaka Eze</td>
 *       <td>savings</td><td>1000.00</td></tr>
 *   <tr><td>{@value #ACCOUNT_OFI} (15 digits)</td><td>{@value #CUSTOMER_OKAFOR_VENTURES} Okafor
 *       Ventures</td><td>wallet</td><td>75000.00</td></tr>
 * </table>
 *
 * <p>Customers {@value #CUSTOMER_ADAEZE} and {@value #CUSTOMER_OKAFOR_VENTURES} share BVN
 * {@value #BVN_ADAEZE} (Adaeze's personal and sole-proprietor profiles), so customers-by-BVN can
 * return two. Other banks: {@value #BANK_GTB} Guaranty Trust Bank with {@value #GTB_ACCOUNT}
 * ({@value #GTB_ACCOUNT_NAME}), {@value #BANK_FIRST_BANK} First Bank of Nigeria with
 * {@value #FIRST_BANK_ACCOUNT} ({@value #FIRST_BANK_ACCOUNT_NAME}), and {@value #BANK_ACCESS} Access
 * Bank with no known accounts. Any other bank code is unknown (code 16).
 */
public final class Fixtures {
  /** Adaeze Okafor, individual customer; owns {@link #ACCOUNT_ADAEZE} and {@link #ACCOUNT_ADAEZE_CURRENT}. */
  public static final String CUSTOMER_ADAEZE = "PRC0001";
  /** Babatunde Adeyemi, individual customer; owns {@link #ACCOUNT_BABATUNDE}. */
  public static final String CUSTOMER_BABATUNDE = "PRC0002";
  /** Chiamaka Eze, individual customer; owns {@link #ACCOUNT_CHIAMAKA}. */
  public static final String CUSTOMER_CHIAMAKA = "PRC0003";
  /** Okafor Ventures, Adaeze's sole-proprietor profile (BVN {@value #BVN_ADAEZE}); owns {@link #ACCOUNT_OFI}. */
  public static final String CUSTOMER_OKAFOR_VENTURES = "PRC0004";

  /** The BVN of {@link #CUSTOMER_ADAEZE} and {@link #CUSTOMER_OKAFOR_VENTURES}. */
  public static final String BVN_ADAEZE = "22212345678";
  /** The BVN of {@link #CUSTOMER_BABATUNDE}. */
  public static final String BVN_BABATUNDE = "12223344556";
  /** The BVN of {@link #CUSTOMER_CHIAMAKA}. */
  public static final String BVN_CHIAMAKA = "22298765432";

  /** The savings account type. */
  public static final String ACCOUNT_TYPE_SAVINGS = "savings";
  /** The current account type. */
  public static final String ACCOUNT_TYPE_CURRENT = "current";
  /** The OFI wallet type: its accounts have 15-digit numbers. */
  public static final String ACCOUNT_TYPE_WALLET = "wallet";

  /** Adaeze's savings account, with {@value #STATEMENT_ENTRIES_ADAEZE} statement lines. */
  public static final String ACCOUNT_ADAEZE = "1000000017";
  /** The account name of {@link #ACCOUNT_ADAEZE} and {@link #ACCOUNT_ADAEZE_CURRENT}. */
  public static final String ACCOUNT_ADAEZE_NAME = "Adaeze Okafor";
  /** The seeded balance of {@link #ACCOUNT_ADAEZE}, in naira. */
  public static final BigDecimal BALANCE_ADAEZE = new BigDecimal("500000.00");
  /** Adaeze's current account. */
  public static final String ACCOUNT_ADAEZE_CURRENT = "1000000024";
  /** The seeded balance of {@link #ACCOUNT_ADAEZE_CURRENT}, in naira. */
  public static final BigDecimal BALANCE_ADAEZE_CURRENT = new BigDecimal("20000.00");
  /** Babatunde's current account. */
  public static final String ACCOUNT_BABATUNDE = "1000000031";
  /** The account name of {@link #ACCOUNT_BABATUNDE}. */
  public static final String ACCOUNT_BABATUNDE_NAME = "Babatunde Adeyemi";
  /** The seeded balance of {@link #ACCOUNT_BABATUNDE}, in naira. */
  public static final BigDecimal BALANCE_BABATUNDE = new BigDecimal("250000.00");
  /** Chiamaka's savings account. */
  public static final String ACCOUNT_CHIAMAKA = "1000000048";
  /** The account name of {@link #ACCOUNT_CHIAMAKA}. */
  public static final String ACCOUNT_CHIAMAKA_NAME = "Chiamaka Eze";
  /** The seeded balance of {@link #ACCOUNT_CHIAMAKA}, in naira. */
  public static final BigDecimal BALANCE_CHIAMAKA = new BigDecimal("1000.00");
  /** A 15-digit OFI (other financial institution) account. */
  public static final String ACCOUNT_OFI = "500000000000001";
  /** The account name of {@link #ACCOUNT_OFI}. */
  public static final String ACCOUNT_OFI_NAME = "Okafor Ventures";
  /** The seeded balance of {@link #ACCOUNT_OFI}, in naira. */
  public static final BigDecimal BALANCE_OFI = new BigDecimal("75000.00");

  /** Statement lines on {@link #ACCOUNT_ADAEZE}, one every other day from {@link #STATEMENT_FIRST_DAY}. */
  public static final int STATEMENT_ENTRIES_ADAEZE = 25;
  /** The day of the first statement line on {@link #ACCOUNT_ADAEZE}. */
  public static final LocalDate STATEMENT_FIRST_DAY = LocalDate.of(2026, 9, 1);

  /** Guaranty Trust Bank's bank code; {@link #GTB_ACCOUNT} is known there. */
  public static final String BANK_GTB = "058";
  /** First Bank of Nigeria's bank code; {@link #FIRST_BANK_ACCOUNT} is known there. */
  public static final String BANK_FIRST_BANK = "011";
  /** A known bank with no account in the directory: its accounts are invalid beneficiaries. */
  public static final String BANK_ACCESS = "044";
  /** An account at {@link #BANK_GTB} that name enquiry knows. */
  public static final String GTB_ACCOUNT = "0123456785";
  /** The account name of {@link #GTB_ACCOUNT}. */
  public static final String GTB_ACCOUNT_NAME = "Ifeoma Nwankwo";
  /** An account at {@link #BANK_FIRST_BANK} that name enquiry knows. */
  public static final String FIRST_BANK_ACCOUNT = "3000000018";
  /** The account name of {@link #FIRST_BANK_ACCOUNT}. */
  public static final String FIRST_BANK_ACCOUNT_NAME = "Musa Ibrahim";

  private Fixtures() {}

  /** Fills a fresh state. */
  static void seed(State s) {
    s.accountTypes.put(ACCOUNT_TYPE_SAVINGS, new AccountType(ACCOUNT_TYPE_SAVINGS, "Prunny Savings",
        false, money("0.00"), money("10000000.00"), money("1000000.00"), money("10000000.00"), 2,
        List.of("BVN", "Utility bill"), List.of("USSD", "Mobile"), List.of("VR")));
    s.accountTypes.put(ACCOUNT_TYPE_CURRENT, new AccountType(ACCOUNT_TYPE_CURRENT, "Prunny Current",
        false, money("0.00"), money("999999999.00"), money("50000000.00"), money("999999999.00"), 3,
        List.of("BVN", "Utility bill", "Reference letter"), List.of("USSD", "Mobile", "Internet"),
        List.of("MC", "VS", "VR")));
    s.accountTypes.put(ACCOUNT_TYPE_WALLET, new AccountType(ACCOUNT_TYPE_WALLET, "Prunny OFI Wallet",
        true, money("0.00"), money("300000.00"), money("50000.00"), money("300000.00"), 1,
        List.of("BVN"), List.of("USSD", "Mobile"), List.of()));

    customer(s, CUSTOMER_ADAEZE, "Adaeze", "Okafor", "Ngozi", BVN_ADAEZE, "1990-04-12", "Individual",
        LocalDate.of(2019, 3, 4), "12 Admiralty Way", "Lekki", "Lagos");
    customer(s, CUSTOMER_BABATUNDE, "Babatunde", "Adeyemi", "", BVN_BABATUNDE, "1985-11-30", "Individual",
        LocalDate.of(2017, 7, 18), "4 Ring Road", "Ibadan", "Oyo");
    customer(s, CUSTOMER_CHIAMAKA, "Chiamaka", "Eze", "Adaora", BVN_CHIAMAKA, "1998-01-25", "Individual",
        LocalDate.of(2023, 2, 9), "7 Ogui Road", "Enugu", "Enugu");
    customer(s, CUSTOMER_OKAFOR_VENTURES, "Adaeze", "Okafor", "Ngozi", BVN_ADAEZE, "1990-04-12",
        "Sole proprietor", LocalDate.of(2024, 5, 20), "15 Allen Avenue", "Ikeja", "Lagos");

    account(s, ACCOUNT_ADAEZE, CUSTOMER_ADAEZE, ACCOUNT_TYPE_SAVINGS, ACCOUNT_ADAEZE_NAME,
        LocalDate.of(2019, 3, 4), "Lekki Phase 1", BALANCE_ADAEZE.subtract(seededNet()));
    history(s.accounts.get(ACCOUNT_ADAEZE));
    account(s, ACCOUNT_ADAEZE_CURRENT, CUSTOMER_ADAEZE, ACCOUNT_TYPE_CURRENT, ACCOUNT_ADAEZE_NAME,
        LocalDate.of(2021, 6, 1), "Lekki Phase 1", BALANCE_ADAEZE_CURRENT);
    account(s, ACCOUNT_BABATUNDE, CUSTOMER_BABATUNDE, ACCOUNT_TYPE_CURRENT, ACCOUNT_BABATUNDE_NAME,
        LocalDate.of(2017, 7, 18), "Ibadan Dugbe", BALANCE_BABATUNDE);
    account(s, ACCOUNT_CHIAMAKA, CUSTOMER_CHIAMAKA, ACCOUNT_TYPE_SAVINGS, ACCOUNT_CHIAMAKA_NAME,
        LocalDate.of(2023, 2, 9), "Enugu Okpara Avenue", BALANCE_CHIAMAKA);
    account(s, ACCOUNT_OFI, CUSTOMER_OKAFOR_VENTURES, ACCOUNT_TYPE_WALLET, ACCOUNT_OFI_NAME,
        LocalDate.of(2024, 5, 20), "Ikeja Allen", BALANCE_OFI);

    s.banks.put(PrunnySimulator.BANK_CODE, PrunnySimulator.BANK_NAME);
    s.banks.put(BANK_GTB, "Guaranty Trust Bank");
    s.banks.put(BANK_FIRST_BANK, "First Bank of Nigeria");
    s.banks.put(BANK_ACCESS, "Access Bank");
    s.addExternalAccount(
        new State.ExternalAccount(BANK_GTB, GTB_ACCOUNT, GTB_ACCOUNT_NAME, "22233445566"));
    s.addExternalAccount(new State.ExternalAccount(
        BANK_FIRST_BANK, FIRST_BANK_ACCOUNT, FIRST_BANK_ACCOUNT_NAME, "12345098765"));
  }

  private static void customer(State s, String id, String first, String last, String other, String bvn,
      String birth, String type, LocalDate since, String street, String city, String state) {
    String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT)
        + (type.equals("Individual") ? "" : ".business") + "@example.com";
    String phone = "+23480300000" + id.substring(id.length() - 2);
    s.customers.put(id, new Customer(id, first, last, other, bvn, birth, email, phone, type, since,
        new Customer.Address(street, city, state, "NG", "100001"),
        Optional.of(new Customer.Identity("A0" + bvn.substring(4), "International passport", "NG",
            "2031-12-31"))));
  }

  private static void account(State s, String number, String customerId, String type, String name,
      LocalDate opened, String branch, BigDecimal opening) {
    s.accounts.put(number, new Account(number, customerId, type, name, opened, branch, opening));
  }

  /** The seeded lines: salary, POS, airtime, ATM and a transfer in, repeating. */
  private static void history(Account account) {
    for (int i = 0; i < STATEMENT_ENTRIES_ADAEZE; i++) {
      Line line = line(i);
      Instant time = STATEMENT_FIRST_DAY.atTime(9, 15).toInstant(ZoneOffset.UTC)
          .plus(Duration.ofDays(2L * i)).plus(Duration.ofMinutes(7L * i));
      StatementEntry.Posting posting = new StatementEntry.Posting(line.amount(), line.channel(),
          line.narration(), String.format("PRN-HIST-%04d", i + 1), line.type(), time);
      if (line.debit()) {
        account.debit(posting);
      } else {
        account.credit(posting);
      }
    }
  }

  private record Line(boolean debit, BigDecimal amount, String channel, String narration, String type) {}

  private static Line line(int i) {
    return switch (i % 5) {
      case 0 -> new Line(false, money("60000.00"), "Transfer", "Salary - Lagoon Tech Ltd", "Inward transfer");
      case 1 -> new Line(true, money("12500.00").add(BigDecimal.valueOf(100L * i)), "POS",
          "POS purchase - Shoprite Lekki", "Card payment");
      case 2 -> new Line(true, money("2000.00"), "USSD", "Airtime - MTN", "Bill payment");
      case 3 -> new Line(true, money("20000.00"), "ATM", "ATM withdrawal - Lekki Phase 1", "Cash withdrawal");
      default -> new Line(false, money("35000.00").add(BigDecimal.valueOf(50L * i)), "Mobile",
          "Transfer from Babatunde Adeyemi", "Inward transfer");
    };
  }

  /** Credits minus debits of the seeded lines, so the opening balance leads to the fixture balance. */
  private static BigDecimal seededNet() {
    BigDecimal net = BigDecimal.ZERO;
    for (int i = 0; i < STATEMENT_ENTRIES_ADAEZE; i++) {
      Line line = line(i);
      net = line.debit() ? net.subtract(line.amount()) : net.add(line.amount());
    }
    return net;
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }
}
