package dev.paykit.sandbox.ptapi;

import static dev.paykit.sandbox.ptapi.PtApiSimulator.*;

import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The seeded hierarchy, cards and cardholders ({@link PtApiSimulator}'s constants name them). */
final class Fixtures {
  private Fixtures() {}

  static State seed() {
    Instant now = SEEDED_AT;
    State s = new State();
    s.users.put(LOGIN_ID, new String[] {PASSWORD, PARENT_ID});
    s.users.put(OTHER_LOGIN_ID, new String[] {OTHER_PASSWORD, OTHER_PARENT_ID});

    State.Business rewards = new State.Business(BUSINESS_REWARDS, PARENT_ID, "Sandbox Rewards Inc.",
        MASTER_FUNDS_REWARDS);
    rewards.programs.add(new State.Program(PROGRAM_GIFT, "PRG-GIFT-01", "PRD-1001", "FND-5001", "gift", "SUB-01",
        "Gift cards"));
    rewards.programs.add(new State.Program(PROGRAM_REWARDS, "PRG-RWD-01", "PRD-1002", "FND-5001", "rewards", "SUB-02",
        "Reward cards"));
    State.Business payroll = new State.Business(BUSINESS_PAYROLL, PARENT_ID, "Sandbox Payroll LLC",
        MASTER_FUNDS_PAYROLL);
    payroll.programs.add(new State.Program(PROGRAM_PAYROLL, "PRG-PAY-01", "PRD-2001", "FND-5002", "payroll", "SUB-01",
        "Payroll cards"));
    State.Business other = new State.Business(OTHER_BUSINESS, OTHER_PARENT_ID, "Another Group's Business",
        new BigDecimal("5000.00"));
    other.programs.add(new State.Program(OTHER_PROGRAM, "PRG-GIFT-09", "PRD-9001", "FND-9001", "gift", "SUB-01",
        "Gift cards"));
    s.businesses.put(rewards.customerId, rewards);
    s.businesses.put(payroll.customerId, payroll);
    s.businesses.put(other.customerId, other);

    holder(s, now, CARDHOLDER_JOE_SMITH, BUSINESS_REWARDS, "Joe", "Smith", "joe.smith@example.com", "1999-05-10",
        "active", CARD_JOE_SMITH, "active", "50.00");
    holder(s, now, CARDHOLDER_JOE_BROWN, BUSINESS_REWARDS, "Joe", "Brown", "joe.brown@example.com", "2010-01-15",
        "active", CARD_JOE_BROWN, "active", "0.00");
    holder(s, now, CARDHOLDER_JOANNA_LEE, BUSINESS_REWARDS, "Joanna", "Lee", "joanna.lee@example.com", "1991-03-02",
        "active", CARD_JOANNA_LEE, "active", "120.00");
    holder(s, now, CARDHOLDER_INACTIVE, BUSINESS_REWARDS, "Maria", "Garcia", "maria.garcia@example.com", "2000-07-07",
        "inactive", CARD_OF_INACTIVE_CARDHOLDER, "active", "10.00");
    holder(s, now, CARDHOLDER_FRAUD, BUSINESS_REWARDS, "Sam", "Taylor", "sam.taylor@example.com", "1985-09-30",
        "active", CARD_FRAUD, "fraud", "75.00");
    holder(s, now, CARDHOLDER_CHARGED_OFF, BUSINESS_REWARDS, "Ann", "Lee", "ann.lee@example.com", "1978-02-11",
        "active", CARD_CHARGED_OFF, "charged_off", "0.00");
    holder(s, now, CARDHOLDER_MARY_ANN, BUSINESS_REWARDS, "Mary Ann", "O'Brien-Smith", "mary.ann@example.com",
        "1995-12-01", "active", CARD_MARY_ANN, "active", "0.00");
    holder(s, now, CARDHOLDER_PAYROLL, BUSINESS_PAYROLL, "Lee", "Walker", "lee.walker@example.com", "1990-06-20",
        "active", CARD_PAYROLL, "active", "0.00");

    for (int i = 0; i < INVENTORY_CARDS.size(); i++) {
      String proxyKey = INVENTORY_CARDS.get(i);
      State.Card card = new State.Card(proxyKey, INVENTORY_PANS.get(i), BUSINESS_REWARDS, PROGRAM_GIFT, "instant",
          "ORD600001", "12312029", "active");
      s.cards.put(proxyKey, card);
    }
    return s;
  }

  private static void holder(State s, Instant now, String id, String customerId, String first, String last,
      String email, String dob, String status, String proxyKey, String cardStatus, String balance) {
    State.Cardholder h = new State.Cardholder(id, customerId);
    h.firstName = first;
    h.lastName = last;
    h.email = email;
    h.dateOfBirth = LocalDate.parse(dob);
    h.status = status;
    h.lastModified = now;
    var address = Json.object();
    address.put("address1", "1 Main Street");
    address.put("city", "Tampa");
    address.put("state", "FL");
    address.put("zip", "33602");
    address.put("country", "US");
    h.address = address;
    s.cardholders.put(id, h);
    String program = customerId.equals(BUSINESS_PAYROLL) ? PROGRAM_PAYROLL : PROGRAM_REWARDS;
    State.Card card = new State.Card(proxyKey, "4000001" + proxyKey.substring(3), customerId, program, "physical",
        "ORD600000", "12312029", cardStatus);
    card.cardholderId = id;
    card.balance = new BigDecimal(balance);
    s.cards.put(proxyKey, card);
  }
}
