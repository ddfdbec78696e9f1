package dev.paykit.prune;

import dev.paykit.core.NotFoundException;
import dev.paykit.core.PaykitException;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.ClientRuntime;
import dev.paykit.prune.api.PayoutsApi;
import dev.paykit.prune.model.DebitRequest;
import dev.paykit.prune.model.DebitRequestStatus;
import dev.paykit.prune.model.DisburseRequest;
import dev.paykit.prune.model.Transaction;
import dev.paykit.prune.model.TransactionStatus;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Payouts from the business's own payout account ({@code POST /v1/payout/disburse}) and their
 * disbursement requests ({@code GET /v1/payout/disburse/requests/{id}/status}). A trusted business's
 * payouts are approved at once, an untrusted one's wait for Prune's approval. Like a transfer, a payout
 * is never repeated by the client once it may have reached Prune, its reference may be used once per
 * client, and an unknown outcome is a {@link PruneOutcomeUnknownException} that {@link #resolve} settles.
 * Thread-safe.
 */
public final class PrunePayouts {

  static final String DISBURSE = "disburse";
  static final String REQUEST_STATUS = "getDisbursementRequestStatus";

  private final PayoutsApi api;
  private final PruneTransfers transfers;
  private final MoneyCalls money;

  PrunePayouts(ClientRuntime runtime, MoneyCalls money, PruneTransfers transfers) {
    this.api = runtime.api(PayoutsApi.class);
    this.transfers = transfers;
    this.money = money;
  }

  /**
   * Pays out; the answer is the transaction (PENDING), whose {@code id} is also its request's.
   *
   * @param request the payout; not null
   * @return the transaction, PENDING
   */
  public Transaction disburse(DisburseRequest request) {
    return disburse(request, RequestOptions.none());
  }

  /**
   * Like {@link #disburse(DisburseRequest)}, with options for this call.
   *
   * @param request the payout; not null
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the transaction, PENDING
   */
  public Transaction disburse(DisburseRequest request, RequestOptions options) {
    Calls.require(request, "request", DISBURSE);
    Calls.require(options, "options", DISBURSE);
    return money.run(PruneOutcomeUnknownException.Kind.PAYOUT, DISBURSE, request.getReference(), options,
        () -> api.disburse(request).getData(), Transaction::getId);
  }

  /**
   * The payout's disbursement request as Prune holds it: its approval state and what it pays.
   *
   * @param requestId the payout's id (its transaction's {@code id})
   * @return the disbursement request
   */
  public DebitRequest request(String requestId) {
    return request(requestId, RequestOptions.none());
  }

  /**
   * Like {@link #request(String)}, with options for this call.
   *
   * @param requestId the payout's id (its transaction's {@code id})
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the disbursement request
   */
  public DebitRequest request(String requestId, RequestOptions options) {
    Calls.require(requestId, "requestId", REQUEST_STATUS);
    return Calls.run(REQUEST_STATUS, options, () -> {
      var data = api.getDisbursementRequestStatus(requestId).getData();
      return data == null ? null : data.getTrxRequest();
    });
  }

  /**
   * The payout's money: its transaction's state (the same status operation as a transfer's).
   *
   * @param payoutId the payout's id (its transaction's {@code id})
   * @return the transaction's status
   */
  public TransactionStatus status(String payoutId) {
    return transfers.status(payoutId);
  }

  /**
   * Like {@link #status(String)}, with options for this call.
   *
   * @param payoutId the payout's id (its transaction's {@code id})
   * @param options the options of this call (deadline, headers; no idempotency key: Prune takes none); not null
   * @return the transaction's status
   */
  public TransactionStatus status(String payoutId, RequestOptions options) {
    return transfers.status(payoutId, options);
  }

  /**
   * What became of a payout whose outcome was unknown: with Prune's id when the broken answer named it,
   * its disbursement request (checked to carry the caller's reference) until it is approved or refused,
   * then its transaction's status until final, polled within the client's poll policy. Without an id,
   * {@link Resolution.State#UNKNOWN} at once (Prune has no search by reference). Never "failed" while it
   * may have gone through.
   *
   * @param unknown the exception the payout ended with
   * @return what is known now: found (final), still pending, not found, or unknown; see {@link Resolution.State}
   */
  public Resolution resolve(PruneOutcomeUnknownException unknown) {
    Calls.require(unknown, "unknown", REQUEST_STATUS);
    return resolve(unknown.reference(), unknown.transactionId(), RequestOptions.none());
  }

  /**
   * Like {@link #resolve(PruneOutcomeUnknownException)}, from the reference and Prune's id (null when no answer
   * named it); every query is made with these options.
   *
   * @param reference your reference of the payout
   * @param payoutId Prune's id of the payout, or null
   * @param options the options of every query; not null
   * @return what is known now: found (final), still pending, not found, or unknown; see {@link Resolution.State}
   */
  public Resolution resolve(String reference, String payoutId, RequestOptions options) {
    Calls.require(options, "options", REQUEST_STATUS);
    String id = payoutId != null ? payoutId : money.references().idOf(reference).orElse(null);
    if (id == null) {
      return new Resolution(Resolution.State.UNKNOWN, reference, null, null, null, 0,
          "no id of the payout is known (the answer that would have named it was lost) and Prune's API has no"
              + " search of payouts by reference: it may or may not have been booked; check Prune's dashboard"
              + " (Debit Requests) for reference " + reference + " and never send it again under a new"
              + " reference until you know");
    }
    AtomicInteger queries = new AtomicInteger();
    AtomicReference<DebitRequestStatus> lastRequest = new AtomicReference<>();
    AtomicReference<TransactionStatus> lastMoney = new AtomicReference<>();
    AtomicReference<String> otherReference = new AtomicReference<>();
    try {
      Boolean done = money.poll(n -> {
        queries.incrementAndGet();
        DebitRequest r = request(id, options);
        if (r != null && reference != null && r.getReference() != null && !reference.equals(r.getReference())) {
          otherReference.set(r.getReference());
          return Boolean.TRUE;
        }
        DebitRequestStatus rs = r == null ? null : r.getStatus();
        lastRequest.set(rs);
        if (rs == DebitRequestStatus.REJECTED || rs == DebitRequestStatus.CANCELLED) {
          return Boolean.TRUE; // refused: final, nothing paid
        }
        if (rs != DebitRequestStatus.APPROVED) {
          return null; // waiting for approval
        }
        queries.incrementAndGet();
        TransactionStatus s = transfers.status(id, options);
        lastMoney.set(s);
        return PruneTransfers.isFinal(s) ? Boolean.TRUE : null;
      });
      if (otherReference.get() != null) {
        return new Resolution(Resolution.State.UNKNOWN, reference, id, null, null, queries.get(),
            "Prune's payout " + id + " carries another reference than " + reference
                + ": the id does not tell this payout's fate; check Prune's dashboard");
      }
      String state = "request " + (lastRequest.get() == null ? "without a status" : lastRequest.get().getValue())
          + (lastMoney.get() == null ? "" : ", money " + lastMoney.get().getValue());
      return done != null
          ? new Resolution(Resolution.State.FOUND, reference, id, lastMoney.get(), lastRequest.get(), queries.get(),
              "Prune has payout " + id + ": " + state)
          : new Resolution(Resolution.State.STILL_PENDING, reference, id, lastMoney.get(), lastRequest.get(),
              queries.get(), "Prune has payout " + id + ", not final after " + queries.get() + " status queries ("
                  + state + "): it was booked; ask again later");
    } catch (NotFoundException notFound) {
      if (lastRequest.get() != null || lastMoney.get() != null) {
        // Prune showed the payout's request before: a 404 now (e.g. from the transaction query, whose id is
        // inferred to be the payout's) contradicts that and never unbooks it
        return new Resolution(Resolution.State.UNKNOWN, reference, id, lastMoney.get(), lastRequest.get(),
            queries.get(), "Prune showed payout " + id + " (request " + (lastRequest.get() == null ? "?"
                : lastRequest.get().getValue()) + "), then answered that it has none: it was booked; the money's"
                + " state could not be read; resolve it again later, never send it again");
      }
      return new Resolution(Resolution.State.NOT_FOUND, reference, id, null, null, queries.get(),
          "Prune answered that it has no payout " + id + ": ask Prune before sending the payment again");
    } catch (PaykitException e) {
      if (!PruneTransfers.passing(e)) {
        throw e;
      }
      return new Resolution(Resolution.State.UNKNOWN, reference, id, lastMoney.get(), lastRequest.get(),
          queries.get(), "a status query of payout " + id + " failed (" + e.getClass().getSimpleName()
              + "), which says nothing about the payout: resolve it again later");
    }
  }
}
