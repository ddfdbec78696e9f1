package dev.paykit.sandbox.ptapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the simulator holds: the parents, their businesses with a master funds account and programs, cards,
 * cardholders, loads and unloads, sessions, the subscription keys. Not thread-safe by itself: every reader and
 * writer holds this object's monitor ({@code synchronized (state)}).
 */
final class State {
  static final class Business {
    final String customerId;
    final String parentId;
    final String name;
    BigDecimal masterFunds;
    final List<Program> programs = new ArrayList<>();

    Business(String customerId, String parentId, String name, BigDecimal masterFunds) {
      this.customerId = customerId;
      this.parentId = parentId;
      this.name = name;
      this.masterFunds = masterFunds;
    }
  }

  record Program(String customerProgramId, String programId, String productId, String fundingId, String productType,
      String subProgramId, String name) {}

  static final class Card {
    final String proxyKey;
    final String pan;
    final String customerId;
    final String customerProgramId;
    final String cardType;
    final String orderId;
    final String expDate;
    String cardholderId;
    String status;
    BigDecimal balance = new BigDecimal("0.00");

    Card(String proxyKey, String pan, String customerId, String customerProgramId, String cardType, String orderId,
        String expDate, String status) {
      this.proxyKey = proxyKey;
      this.pan = pan;
      this.customerId = customerId;
      this.customerProgramId = customerProgramId;
      this.cardType = cardType;
      this.orderId = orderId;
      this.expDate = expDate;
      this.status = status;
    }
  }

  static final class Cardholder {
    final String cardholderId;
    final String customerId;
    String firstName;
    String lastName;
    String email;
    String phone;
    LocalDate dateOfBirth;
    ObjectNode address;
    String status = "active";
    Instant lastModified;

    Cardholder(String cardholderId, String customerId) {
      this.cardholderId = cardholderId;
      this.customerId = customerId;
    }
  }

  record Transaction(String transactionId, String referenceId, String type, String proxyKey, String customerId,
      BigDecimal amount, BigDecimal cardBalance, BigDecimal masterFundsBalance, Instant createdAt, String memo) {}

  static final class Session {
    final String sessionId;
    final String parentId;
    final Instant expiresAt;
    boolean ended;

    Session(String sessionId, String parentId, Instant expiresAt) {
      this.sessionId = sessionId;
      this.parentId = parentId;
      this.expiresAt = expiresAt;
    }
  }

  /** loginID to {password, parentId}. */
  final Map<String, String[]> users = new LinkedHashMap<>();
  final Map<String, Business> businesses = new LinkedHashMap<>();
  final Map<String, Card> cards = new LinkedHashMap<>();
  final Map<String, Cardholder> cardholders = new LinkedHashMap<>();
  final List<Transaction> transactions = new ArrayList<>();
  final Map<String, Session> sessions = new LinkedHashMap<>();
  final List<String> passwordResets = new ArrayList<>();
  boolean primaryKeyRevoked;
  int logins;
  private int nextCard = 100;
  private int nextCardholder = 500;
  private int nextOrder = 700000;
  private int nextTransaction = 900000;
  private long nextSession = 1;

  String newProxyKey() {
    return String.format("PK%010d", ++nextCard);
  }

  /** A 16-digit test PAN in the 4000 00 range that no real card uses, unique per card. */
  String newPan() {
    return String.format("400000%010d", nextCard);
  }

  String newCardholderId() {
    return Integer.toString(400000 + ++nextCardholder);
  }

  String newOrderId() {
    return "ORD" + ++nextOrder;
  }

  String newTransactionId() {
    return "TX" + ++nextTransaction;
  }

  /** Unguessable, and distinct per login: 96 random bits (24 hex digits) and a counter (8 digits). */
  String newSessionId(java.security.SecureRandom random) {
    return String.format("%024x%08d", new java.math.BigInteger(96, random), nextSession++);
  }

  Card cardByPan(String customerId, String pan) {
    return cards.values().stream().filter(c -> c.customerId.equals(customerId) && c.pan.equals(pan)).findFirst()
        .orElse(null);
  }
}
