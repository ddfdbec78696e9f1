package dev.paykit.sandbox.prune;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What every Prune environment starts with, and returns to on reset; test and live alike, with ids of
 * their own environment ({@link Environment#id}). Deterministic. The constants tests use are on
 * {@link PruneSimulator} ({@code ACCOUNT_*}, {@code IBAN_*}, {@code BALANCE_*}).
 *
 * <table>
 *   <caption>Issued accounts (test ids; live ids have 9000 in the fourth group)</caption>
 *   <tr><th>id ends</th><th>Name</th><th>Type</th><th>Currency</th><th>Balance</th></tr>
 *   <tr><td>...0001</td><td>Amelie Laurent</td><td>USER</td><td>EUR</td><td>5000.00</td></tr>
 *   <tr><td>...0002</td><td>Jonas Becker</td><td>USER</td><td>EUR</td><td>1200.00</td></tr>
 *   <tr><td>...0003</td><td>Laurent &amp; Becker SARL</td><td>CORPORATE</td><td>EUR</td><td>25000.00</td></tr>
 *   <tr><td>...0004</td><td>Oliver Hughes</td><td>USER</td><td>GBP</td><td>2500.00</td></tr>
 *   <tr><td>...0005</td><td>the payout account (not an issued account)</td><td></td><td>EUR</td><td>100000.00</td></tr>
 * </table>
 */
final class Fixtures {
  static final Instant CREATED = Instant.parse("2026-01-15T09:00:00Z");

  private Fixtures() {}

  static void seed(State s) {
    Environment e = s.environment;
    add(s, new IssuedAccount(e.id(1), 1, e, "USER", "Amelie", "Laurent", "Amelie Laurent", "EUR",
        PruneSimulator.NUMBER_EUR, true, PruneSimulator.BALANCE_EUR, CREATED));
    add(s, new IssuedAccount(e.id(2), 2, e, "USER", "Jonas", "Becker", "Jonas Becker", "EUR",
        PruneSimulator.NUMBER_EUR_2, true, PruneSimulator.BALANCE_EUR_2, CREATED.plus(Duration.ofDays(1))));
    add(s, new IssuedAccount(e.id(3), 3, e, "CORPORATE", null, null, "Laurent & Becker SARL", "EUR",
        PruneSimulator.NUMBER_EUR_CORPORATE, true, PruneSimulator.BALANCE_EUR_CORPORATE,
        CREATED.plus(Duration.ofDays(2))));
    add(s, new IssuedAccount(e.id(4), 4, e, "USER", "Oliver", "Hughes", "Oliver Hughes", "GBP",
        PruneSimulator.NUMBER_GBP, true, PruneSimulator.BALANCE_GBP, CREATED.plus(Duration.ofDays(3))));
    s.payoutAccount = new IssuedAccount(e.id(5), 5, e, "CORPORATE", null, null,
        PruneSimulator.COMPANY_NAME + " payout account", "EUR", PruneSimulator.NUMBER_PAYOUT, true,
        PruneSimulator.BALANCE_PAYOUT, CREATED);
  }

  private static void add(State s, IssuedAccount account) {
    s.accounts.put(account.id, account);
  }

  /** The company the sandbox's keys belong to, per environment. */
  static String companyId(Environment e) {
    return e.id(0);
  }

  static BigDecimal zero() {
    return new BigDecimal("0.00");
  }
}
