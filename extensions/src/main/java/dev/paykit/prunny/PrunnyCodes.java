package dev.paykit.prunny;

import dev.paykit.core.ApiException;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.InsufficientFundsException;
import dev.paykit.core.LimitExceededException;
import dev.paykit.core.OutcomeUnknownException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.ServerException;
import dev.paykit.prunny.model.ResponseCode;

/**
 * What each Prunny response code (ISO-8583 style, Prunny docs "Response Code") means for the caller.
 * {@code 00} and {@code 103} succeed; {@code 01} and {@code 09} are still in progress (the caller gets a
 * pending result); {@code 97} is an unknown outcome (resolved by the status query, never by a new
 * submission); every other code is a typed exception. A code outside the table is treated as pending,
 * never as success.
 */
final class PrunnyCodes {

  /** How a code ends a call. */
  enum Kind { SUCCESS, PENDING, OUTCOME_UNKNOWN, FAILURE, UNKNOWN_CODE }

  private PrunnyCodes() {}

  static ResponseCode parse(String code) {
    return code == null ? null : ResponseCode.fromValue(code);
  }

  static Kind kind(ResponseCode code) {
    if (code == null || code == ResponseCode.UNKNOWN_DEFAULT_OPEN_API) {
      return Kind.UNKNOWN_CODE;
    }
    return switch (code) {
      case APPROVED, DEBIT_OK -> Kind.SUCCESS;
      case STATUS_UNKNOWN, IN_PROGRESS -> Kind.PENDING;
      case DESTINATION_TIMEOUT -> Kind.OUTCOME_UNKNOWN;
      default -> Kind.FAILURE;
    };
  }

  /** The exception for a failure code; details already carry the code and the provider's message. */
  static PaykitException exception(ResponseCode code, ErrorDetails details) {
    return switch (code) {
      case INSUFFICIENT_FUNDS -> new InsufficientFundsException(details, null);
      case TRANSFER_LIMIT_EXCEEDED -> new LimitExceededException(details, null);
      case INVALID_ACCOUNT -> new InvalidAccountException(details, null);
      case INVALID_SOURCE_ACCOUNT -> new InvalidSourceAccountException(details, null);
      case INVALID_BENEFICIARY_ACCOUNT -> new InvalidBeneficiaryAccountException(details, null);
      case UNKNOWN_BANK_CODE -> new UnknownBankException(details, null);
      case DUPLICATE_TRANSACTION -> new DuplicateTransactionException(details, null);
      case BLOCK_FAILED, SOURCE_BLOCK_FAILED, BENEFICIARY_BLOCK_FAILED -> new BlockFailedException(details, null);
      case UNBLOCK_FAILED -> new UnblockFailedException(details, null);
      case ACCOUNT_ALREADY_EXISTS -> new AccountAlreadyExistsException(details, null);
      case INVALID_TRANSACTION -> new InvalidTransactionException(details, null);
      case NO_ACTION_TAKEN -> new NoActionTakenException(details, null);
      case SYSTEM_MALFUNCTION -> new ServerException(details.withRetryable(true), null);
      case DESTINATION_TIMEOUT -> new OutcomeUnknownException(details, null);
      default -> throw new IllegalArgumentException("not a failure code: " + code);
    };
  }
}
