package dev.paykit.sandbox.prune;

import java.util.Map;

/**
 * Account requests: filing an individual's or a company's (multipart, with its documents), reading one
 * and its status, and updating one that is still PENDING. A trusted business's request starts
 * INPROGRESS, an untrusted one's PENDING (docs); {@link PruneSimulator#approveAccountRequest} and
 * {@link PruneSimulator#rejectAccountRequest} stand in for Prune's review.
 */
final class AccountRequestsApi {
  private final PruneSimulator simulator;

  AccountRequestsApi(PruneSimulator simulator) {
    this.simulator = simulator;
  }

  /** POST /v1/accounts/request-account. */
  Answer individual(Call call) {
    return file(call, Documents.Kind.INDIVIDUAL);
  }

  /** POST /v1/accounts/request-corporate-account. */
  Answer corporate(Call call) {
    return file(call, Documents.Kind.CORPORATE);
  }

  private Answer file(Call call, Documents.Kind kind) {
    Map<String, MultipartForm.Part> parts = Documents.forNew(kind, call.form());
    boolean trusted = simulator.trustedBusiness();
    return simulator.store().apply(call.environment(), s -> {
      AccountRequest r = new AccountRequest(s.nextId(), s.environment, kind, trusted, parts, call.now());
      s.requests.put(r.id, r);
      return new Answer(201, r.currency() + " account issuance request submitted successfully", r.receipt(),
          null, null);
    });
  }

  /** GET /v1/accounts/requests/{request_id}. */
  Answer get(Call call) {
    return simulator.store().apply(call.environment(), s -> Answer.ok("Account request fetched",
        known(s, call.pathParameter(0)).toJson(Fixtures.companyId(s.environment), PruneSimulator.COMPANY_NAME)));
  }

  /** GET /v1/accounts/requests/{request_id}/status. */
  Answer status(Call call) {
    return simulator.store().apply(call.environment(), s -> {
      AccountRequest r = known(s, call.pathParameter(0));
      IssuedAccount issued = r.issuedAccountId == null ? null : s.accounts.get(r.issuedAccountId);
      return Answer.ok("Account request status fetched", r.state(Fixtures.companyId(s.environment), issued));
    });
  }

  /** PATCH /v1/accounts/requests/{request_id}: only while PENDING (docs). */
  Answer update(Call call) {
    MultipartForm form = call.form();
    return simulator.store().apply(call.environment(), s -> {
      AccountRequest r = known(s, call.pathParameter(0));
      if (!r.status.equals("PENDING")) {
        throw Envelope.error(400, "Account request is " + r.status + " and can no longer be updated;"
            + " only a PENDING request can");
      }
      r.parts = Documents.forUpdate(r.kind, r.parts, form);
      r.updatedAt = call.now();
      return Answer.ok("Account request updated successfully",
          r.toJson(Fixtures.companyId(s.environment), PruneSimulator.COMPANY_NAME));
    });
  }

  static AccountRequest known(State s, String id) {
    AccountRequest r = s.requests.get(id);
    if (r == null) {
      throw Envelope.notFound("Account request not found");
    }
    return r;
  }
}
