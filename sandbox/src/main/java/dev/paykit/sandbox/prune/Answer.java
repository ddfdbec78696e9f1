package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A handler's success: the HTTP status (also the envelope's {@code code}), Prune's message, the payload,
 * for lists the {@code meta}, and whether the request booked a transfer or payout (for the faults that
 * cut the answer of the next one).
 */
record Answer(int status, String message, JsonNode data, JsonNode meta, Transaction.Kind booked) {

  static Answer ok(String message, JsonNode data) {
    return new Answer(200, message, data, null, null);
  }
}
