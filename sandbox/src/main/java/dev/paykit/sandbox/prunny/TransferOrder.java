package dev.paykit.sandbox.prunny;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A validated transfer request: what to debit and what to credit. Immutable. One leg for a single
 * transfer, several for a bulk one; the source is debited once, for the total.
 */
record TransferOrder(
    Transfer.Type type,
    String referenceId,
    String sourceAccount,
    String currency,
    String channel,
    String sourceNarration,
    List<Leg> legs,
    Optional<String> statusWebHook) {

  /** One destination; {@code bankCode} is {@value PrunnySimulator#BANK_CODE} for Prunny itself. */
  record Leg(String bankCode, String accountNumber, BigDecimal amount, String narration) {
    boolean internal() {
      return PrunnySimulator.BANK_CODE.equals(bankCode);
    }
  }

  TransferOrder {
    legs = List.copyOf(legs);
  }

  BigDecimal total() {
    return legs.stream().map(Leg::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  List<Transfer.Credit> credits() {
    return legs.stream()
        .map(l -> new Transfer.Credit(l.bankCode(), l.accountNumber(), l.amount()))
        .toList();
  }
}
