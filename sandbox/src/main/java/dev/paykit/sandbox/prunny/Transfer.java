package dev.paykit.sandbox.prunny;

import java.math.BigDecimal;
import java.util.List;

/**
 * A transfer the Prunny simulator has recorded, as {@link PrunnySimulator#transfers()} shows it to
 * tests and demos. Immutable: a snapshot, later changes are not reflected.
 *
 * @param transactionRef the reference the API returned ({@code data.transactionRef})
 * @param referenceId the client's {@code referenceId} (for a mandate debit: the mandate's)
 * @param type which operation made it
 * @param sourceAccount the debited account
 * @param amount the total debited (or to be debited)
 * @param credits the destinations, in request order
 * @param statusCode the real outcome: {@code 00} once executed (even while the answer said 97, 01
 *     or 09 and status queries still say 09), {@code 09} while it awaits its OTP, else the failure
 * @param executed whether the money moved
 */
public record Transfer(
    String transactionRef,
    String referenceId,
    Type type,
    String sourceAccount,
    BigDecimal amount,
    List<Credit> credits,
    String statusCode,
    boolean executed) {

  /** The operation behind a transfer. */
  public enum Type {
    /** {@code POST /v1/transactions/singletransferwithbank}. */
    INTRA_BANK,
    /** {@code POST /v1/transactions/singleInterbankTransfer}. */
    INTER_BANK,
    /** {@code POST /v1/transactions/multiIntrabankTransfer}. */
    BULK_INTRA_BANK,
    /** {@code POST /v1/transactions/multipleinterbankTransfer}. */
    BULK_INTER_BANK,
    /** {@code POST /v1/directdebit/{mandateId}/pay}. */
    MANDATE_DEBIT
  }

  /**
   * One destination.
   *
   * @param bankCode {@value PrunnySimulator#BANK_CODE} for an account at Prunny
   * @param accountNumber the credited account
   * @param amount what it receives
   */
  public record Credit(String bankCode, String accountNumber, BigDecimal amount) {}

  /**
   * Keeps an unmodifiable copy of {@code credits}.
   *
   * @param transactionRef the reference the API returned
   * @param referenceId the client's {@code referenceId}
   * @param type which operation made it
   * @param sourceAccount the debited account
   * @param amount the total debited (or to be debited)
   * @param credits the destinations, in request order; copied
   * @param statusCode the real outcome
   * @param executed whether the money moved
   */
  public Transfer {
    credits = List.copyOf(credits);
  }
}
