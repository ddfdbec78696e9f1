package dev.paykit.prune;

import dev.paykit.core.NotFoundException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.TransportException;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.prune.api.AccountsApi;
import dev.paykit.prune.model.SendMoneyRequest;
import dev.paykit.prune.model.Transaction;
import dev.paykit.prune.model.TransactionStatus;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sending money out of an issued account ({@code POST /v1/accounts/send}) and following it
 * ({@code GET /v1/accounts/transactions/{id}/status}). Thread-safe.
 *
 * <p>Prune has no idempotency keys: a transfer is sent once and never repeated by the client once it may
 * have reached Prune (a connection refused before sending or a 429 is retried: Prune did not
 * take those on). Its {@code reference} is required and may be used once per client: a second transfer
 * or payout under a reference this client already sent is refused before sending. When the outcome is
 * unknown the call throws {@link PruneOutcomeUnknownException}; {@link #resolve} tells what became of it.
 */
public final class PruneTransfers {

  static final String SEND = "sendMoney";
  static final String STATUS = "getTransactionStatus";

  private final AccountsApi api;
  private final MoneyCalls money;

  PruneTransfers(ClientRuntime runtime, MoneyCalls money) {
    this.api = runtime.api(AccountsApi.class);
    this.money = money;
  }

  /**
   * Sends money; the answer is the transaction, PENDING until Prune confirms or rejects it.
   *
   * @param request the transfer; not null
   * @return the transaction, PENDING until Prune confirms or rejects it
   */
  public Transaction send(SendMoneyRequest request) {
    return send(request, RequestOptions.none());
  }

  /**
   * Like {@link #send(SendMoneyRequest)}, with options for this call (an idempotency key is refused: Prune has none).
   *
   * @param request the transfer; not null
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the transaction, PENDING until Prune confirms or rejects it
   */
  public Transaction send(SendMoneyRequest request, RequestOptions options) {
    Calls.require(request, "request", SEND);
    Calls.require(options, "options", SEND);
    return money.run(PruneOutcomeUnknownException.Kind.TRANSFER, SEND, request.getReference(), options,
        () -> api.sendMoney(request).getData(), Transaction::getId);
  }

  /**
   * A transaction's state: PENDING, CONFIRMED, REJECTED or CANCELLED.
   *
   * @param transactionId Prune's id of the transaction
   * @return the transaction's status
   */
  public TransactionStatus status(String transactionId) {
    return status(transactionId, RequestOptions.none());
  }

  /**
   * Like {@link #status(String)}, with options for this call.
   *
   * @param transactionId Prune's id of the transaction
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the transaction's status
   */
  public TransactionStatus status(String transactionId, RequestOptions options) {
    Calls.require(transactionId, "transactionId", STATUS);
    return Calls.run(STATUS, options, () -> api.getTransactionStatus(transactionId).getData());
  }

  /**
   * Polls the status until it is final (CONFIRMED, REJECTED or CANCELLED), waiting between polls as the
   * client's poll policy says (bounded in number and time); returns the last status, PENDING when it was
   * still pending when the policy was spent.
   *
   * @param transactionId Prune's id of the transaction
   * @return the last status; PENDING when the policy was spent first
   */
  public TransactionStatus awaitFinalStatus(String transactionId) {
    return awaitFinalStatus(transactionId, RequestOptions.none());
  }

  /**
   * Like {@link #awaitFinalStatus(String)}; every status query is made with these options.
   *
   * @param transactionId Prune's id of the transaction
   * @param options the options of every status query; not null
   * @return the last status; PENDING when the policy was spent first
   */
  public TransactionStatus awaitFinalStatus(String transactionId, RequestOptions options) {
    Calls.require(transactionId, "transactionId", STATUS);
    Calls.require(options, "options", STATUS);
    AtomicReference<TransactionStatus> last = new AtomicReference<>();
    TransactionStatus done = money.poll(n -> {
      TransactionStatus s = status(transactionId, options);
      last.set(s);
      return isFinal(s) ? s : null;
    });
    return done != null ? done : last.get();
  }

  /**
   * What became of a transfer whose outcome was unknown: by Prune's id when the broken answer named it
   * (or an earlier answer to this client did), polling its status as {@link #awaitFinalStatus} does.
   * Without an id it reports {@link Resolution.State#UNKNOWN} at once: Prune's API offers no list or
   * search of transactions (none is documented), so a transfer whose answer was lost before its id
   * cannot be found through the API; check Prune's dashboard. Never "failed" while it may have gone
   * through.
   *
   * @param unknown the exception the transfer ended with
   * @return what is known now: found (final), still pending, not found, or unknown; see {@link Resolution.State}
   */
  public Resolution resolve(PruneOutcomeUnknownException unknown) {
    Calls.require(unknown, "unknown", STATUS);
    return resolve(unknown.reference(), unknown.transactionId(), RequestOptions.none());
  }

  /**
   * Like {@link #resolve(PruneOutcomeUnknownException)}, from the reference and Prune's id (null when no
   * answer named it); every status query is made with these options.
   *
   * @param reference your reference of the transfer
   * @param transactionId Prune's id of the transaction, or null
   * @param options the options of every status query; not null
   * @return what is known now: found (final), still pending, not found, or unknown; see {@link Resolution.State}
   */
  public Resolution resolve(String reference, String transactionId, RequestOptions options) {
    Calls.require(options, "options", STATUS);
    String id = transactionId != null ? transactionId : money.references().idOf(reference).orElse(null);
    if (id == null) {
      return new Resolution(Resolution.State.UNKNOWN, reference, null, null, null, 0,
          "no id of the transaction is known (the answer that would have named it was lost) and Prune's API"
              + " has no search of transactions by reference: it may or may not have been booked; check Prune's"
              + " dashboard for reference " + reference + " and never send it again under a new reference"
              + " until you know");
    }
    AtomicInteger queries = new AtomicInteger();
    AtomicReference<TransactionStatus> last = new AtomicReference<>();
    try {
      TransactionStatus done = money.poll(n -> {
        queries.incrementAndGet();
        TransactionStatus s = status(id, options);
        last.set(s);
        return isFinal(s) ? s : null;
      });
      if (done != null) {
        return new Resolution(Resolution.State.FOUND, reference, id, done, null, queries.get(),
            "Prune has transaction " + id + ": " + done.getValue());
      }
      if (last.get() == TransactionStatus.UNKNOWN_DEFAULT_OPEN_API) {
        return new Resolution(Resolution.State.UNKNOWN, reference, id, last.get(), null, queries.get(),
            "Prune has transaction " + id + " but answers a status paykit does not know (not PENDING, CONFIRMED,"
                + " REJECTED or CANCELLED): it was booked; check its state on Prune's dashboard, never send it again");
      }
      return new Resolution(Resolution.State.STILL_PENDING, reference, id, last.get(), null, queries.get(),
          "Prune has transaction " + id + ", still " + (last.get() == null ? "without a status" : last.get().getValue())
              + " after " + queries.get() + " status queries: it was booked; ask again later");
    } catch (NotFoundException notFound) {
      if (last.get() != null) {
        // Prune showed the transaction before: a later 404 contradicts that, and never unbooks it
        return new Resolution(Resolution.State.UNKNOWN, reference, id, last.get(), null, queries.get(),
            "Prune showed transaction " + id + " as " + last.get().getValue() + ", then answered that it has"
                + " none: it was booked; resolve it again later, never send it again");
      }
      return new Resolution(Resolution.State.NOT_FOUND, reference, id, null, null, queries.get(),
          "Prune answered that it has no transaction " + id + ": ask Prune before sending the payment again");
    } catch (PaykitException e) {
      if (!passing(e)) {
        throw e; // e.g. a wrong key: it says nothing about the transfer, and the caller must see it
      }
      return new Resolution(Resolution.State.UNKNOWN, reference, id, last.get(), null, queries.get(),
          "the status query of transaction " + id + " failed (" + e.getClass().getSimpleName()
              + "), which says nothing about the transfer: resolve it again later");
    }
  }

  static boolean isFinal(TransactionStatus s) {
    return s == TransactionStatus.CONFIRMED || s == TransactionStatus.REJECTED || s == TransactionStatus.CANCELLED;
  }

  /** A failure of a status query that says nothing about the payment and may pass. */
  static boolean passing(PaykitException e) {
    return e.isRetryable() || e instanceof TransportException || e instanceof UnexpectedResponseException;
  }
}
