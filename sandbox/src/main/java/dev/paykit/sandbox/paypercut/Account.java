package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform account (fixture) or a connected account made by {@code POST /v1/accounts}, with its
 * external bank accounts. Mutable; only touched under the store's lock.
 */
final class Account {
  /** An external bank account; the IBAN is kept whole and only ever answered masked. */
  static final class BankAccount {
    final String id;
    final String country;
    final String currency;
    final String holderName;
    final String holderType;
    final String bankName;
    final String iban;
    final String bic;
    boolean defaultForCurrency;
    final ObjectNode metadata;

    BankAccount(String id, String country, String currency, String holderName, String holderType,
        String bankName, String iban, String bic, boolean defaultForCurrency, ObjectNode metadata) {
      this.id = id;
      this.country = country;
      this.currency = currency;
      this.holderName = holderName;
      this.holderType = holderType;
      this.bankName = bankName;
      this.iban = iban;
      this.bic = bic;
      this.defaultForCurrency = defaultForCurrency;
      this.metadata = metadata;
    }

    String last4() {
      return iban.substring(iban.length() - 4);
    }

    /** The spec's ExternalAccount: {@code account_number} masked ({@code **** 1234}), {@code routing_number} the BIC. */
    ObjectNode externalAccount() {
      ObjectNode json = Json.object().put("id", id).put("object", "bank_account")
          .put("country", country).put("currency", currency);
      putNullable(json, "bank_name", bankName);
      json.put("holder_name", holderName);
      putNullable(json, "holder_type", holderType);
      json.put("account_number", "**** " + last4());
      putNullable(json, "routing_number", bic);
      return json.put("last4", last4());
    }

    /** The spec's ExternalAccountEntry. */
    ObjectNode entry() {
      ObjectNode json = Json.object().put("default_for_currency", defaultForCurrency);
      json.set("metadata", metadata.deepCopy());
      json.set("external_account", externalAccount());
      return json;
    }
  }

  final String id;
  /** Null for the platform; the platform's id for a connected account. */
  final String parent;
  final Instant created;
  final String type;
  final String country;
  final String defaultCurrency;
  final String email;
  final String businessType;
  final ObjectNode businessProfile;
  final ObjectNode company;
  final ObjectNode tosAcceptance;
  final ObjectNode metadata;
  final List<BankAccount> bankAccounts = new ArrayList<>();

  Account(String id, String parent, Instant created, String type, String country, String defaultCurrency,
      String email, String businessType, ObjectNode businessProfile, ObjectNode company,
      ObjectNode tosAcceptance, ObjectNode metadata) {
    this.id = id;
    this.parent = parent;
    this.created = created;
    this.type = type;
    this.country = country;
    this.defaultCurrency = defaultCurrency;
    this.email = email;
    this.businessType = businessType;
    this.businessProfile = businessProfile;
    this.company = company;
    this.tosAcceptance = tosAcceptance;
    this.metadata = metadata;
  }

  boolean isPlatform() {
    return parent == null;
  }

  /** The spec's Account, as {@code GET /v1/account} answers it. */
  ObjectNode json() {
    ObjectNode json = Json.object().put("id", id);
    putNullable(json, "type", type);
    putNullable(json, "country", country);
    putNullable(json, "default_currency", defaultCurrency);
    putNullable(json, "email", email);
    json.put("details_submitted", true);
    putNullable(json, "business_type", businessType);
    json.set("business_profile", businessProfile == null ? json.nullNode() : businessProfile.deepCopy());
    json.set("company", company == null ? json.nullNode() : company.deepCopy());
    ObjectNode requirements = json.putObject("requirements");
    requirements.putNull("current_deadline");
    requirements.putArray("currently_due");
    requirements.putArray("eventually_due");
    requirements.putArray("past_due");
    requirements.putArray("pending_verification");
    requirements.putNull("disabled_reason");
    requirements.putArray("errors");
    if (tosAcceptance != null) {
      json.set("tos_acceptance", tosAcceptance.deepCopy());
    }
    ObjectNode external = json.putObject("external_accounts");
    ArrayNode items = external.putArray("items");
    bankAccounts.forEach(b -> items.add(b.entry()));
    external.putNull("last_key");
    json.put("created", Render.time(created)).put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    return json;
  }

  static void putNullable(ObjectNode json, String field, String value) {
    if (value == null) {
      json.putNull(field);
    } else {
      json.put(field, value);
    }
  }
}
