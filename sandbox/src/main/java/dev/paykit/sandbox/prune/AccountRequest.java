package dev.paykit.sandbox.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account request the simulator holds: its form (every part as sent, files with their bytes), its
 * state, and the account issued for it once approved. Mutable; only touched under the {@link Store}'s
 * lock.
 */
final class AccountRequest {
  private static final Pattern PERSON_PART =
      Pattern.compile("^(director|shareholder)_([1-9][0-9]*)_(idType|poaType|idFile|idFileBack|poaFile)$");

  final String id;
  final Environment environment;
  final Documents.Kind kind;
  final boolean trusted;
  final Instant createdAt;
  Map<String, MultipartForm.Part> parts;
  String status;
  String reason;
  Instant updatedAt;
  String issuedAccountId;

  AccountRequest(String id, Environment environment, Documents.Kind kind, boolean trusted,
      Map<String, MultipartForm.Part> parts, Instant createdAt) {
    this.id = id;
    this.environment = environment;
    this.kind = kind;
    this.trusted = trusted;
    this.parts = new LinkedHashMap<>(parts);
    this.createdAt = createdAt;
    this.status = trusted ? "INPROGRESS" : "PENDING";
  }

  /** A text part's value, or null. */
  String text(String part) {
    MultipartForm.Part p = parts.get(part);
    return p == null ? null : p.text();
  }

  /** The requested currency: as sent, else EUR (docs: the default). */
  String currency() {
    String currency = text("currency");
    return currency == null ? "EUR" : currency;
  }

  /** The name of the account to issue: the person's or the company's. */
  String accountName() {
    return kind == Documents.Kind.INDIVIDUAL ? text("firstName") + " " + text("lastName") : text("companyName");
  }

  /** POST answer: {@code id, requestStatus, firstName, lastName, companyName, currency, requestAccountType}. */
  ObjectNode receipt() {
    ObjectNode node = Json.object().put("id", id).put("requestStatus", status);
    names(node);
    return node.put("currency", currency()).put("requestAccountType", kind.accountType());
  }

  /** GET / PATCH answer (docs' get-single-account-request and update fields, the dashboard's others). */
  ObjectNode toJson(String companyId, String companyName) {
    ObjectNode node = Json.object().put("id", id).put("status", status);
    names(node);
    node.put("accountType", kind.accountType());
    node.set("documentData", documentData());
    node.put("createdAt", Envelope.dateTime(createdAt));
    node.put("updatedAt", updatedAt == null ? null : Envelope.dateTime(updatedAt));
    node.putNull("deletedAt");
    node.put("companyId", companyId);
    node.put("currencyId", currency());
    node.put("reason", reason);
    node.put("country", text("countryShort"));
    node.set("Company", Json.object().put("id", companyId).put("name", companyName));
    return node;
  }

  /** The status answer: the state and, once approved, the issued account's summary. */
  ObjectNode state(String companyId, IssuedAccount issued) {
    ObjectNode node = Json.object().put("id", id).put("requestStatus", status)
        .put("requestAccountType", kind.accountType()).put("requestAccountName", accountName())
        .put("issuingCompanyId", companyId).put("createdAt", Envelope.dateTime(createdAt))
        .put("currency", currency());
    if (issued == null) {
      node.putNull("issuedAccount");
    } else {
      node.set("issuedAccount", Json.object().put("id", issued.id).put("accountName", issued.accountName)
          .put("accountNumber", issued.accountNumber).put("accountIban", issued.iban)
          .put("status", issued.status).set("accountBalance", Envelope.money(issued.balance)));
    }
    return node;
  }

  private void names(ObjectNode node) {
    if (kind == Documents.Kind.INDIVIDUAL) {
      node.put("firstName", text("firstName")).put("lastName", text("lastName"));
    } else {
      node.put("companyName", text("companyName"));
    }
  }

  /**
   * The documents as URLs of the files sent: an individual's {@code idType, poaType, idFileURL,
   * idFileBackURL?, poaFileURL}; a company's {@code mermat, certOfInc, directors{director_<n>: {...}},
   * shareholders{...}}. The files live under {@value #FILES}, a host that does not resolve: the sandbox
   * keeps the bytes for tests ({@link PruneSimulator#documents}), it does not serve them.
   */
  private ObjectNode documentData() {
    ObjectNode data = Json.object();
    if (kind == Documents.Kind.INDIVIDUAL) {
      data.put("idType", text("idType")).put("poaType", text("poaType"));
      data.put("idFileURL", url("idFile"));
      if (parts.containsKey("idFileBack")) {
        data.put("idFileBackURL", url("idFileBack"));
      }
      data.put("poaFileURL", url("poaFile"));
      return data;
    }
    data.put("mermat", url("mermat")).put("certOfInc", url("certificateOfIncorporation"));
    ObjectNode directors = data.putObject("directors");
    ObjectNode shareholders = data.putObject("shareholders");
    for (String name : parts.keySet()) {
      Matcher m = PERSON_PART.matcher(name);
      if (!m.matches()) {
        continue;
      }
      ObjectNode group = m.group(1).equals("director") ? directors : shareholders;
      ObjectNode person = group.has(m.group(1) + "_" + m.group(2))
          ? (ObjectNode) group.get(m.group(1) + "_" + m.group(2)) : group.putObject(m.group(1) + "_" + m.group(2));
      person.put(m.group(3), m.group(3).endsWith("Type") ? text(name) : url(name));
    }
    return data;
  }

  static final String FILES = "https://files.prune-sandbox.invalid";

  private String url(String part) {
    MultipartForm.Part p = parts.get(part);
    return p == null ? null
        : FILES + "/" + id + "/" + part + "/" + URLEncoder.encode(p.fileName(), StandardCharsets.UTF_8);
  }
}
