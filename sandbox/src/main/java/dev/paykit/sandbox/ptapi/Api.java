package dev.paykit.sandbox.ptapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Digests;
import dev.paykit.sandbox.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mockserver.model.HttpRequest;

/**
 * The operations of specs/ptapi/openapi.yaml over the {@link State}, each under the state's monitor. A handler
 * reads the body strictly ({@link Body}), checks the session (400003 without one, 401002 for an id never issued,
 * 401001 once it expired or was logged out), then the hierarchy (a business or card of another parent: 403; an
 * unknown one: 404), then the operation's rules.
 */
final class Api {
  /** What a handler answers: a status and a JSON body, or no body (204). */
  record Answer(int status, JsonNode body) {}

  /** One request as a handler sees it. */
  record Call(HttpRequest request, Body body, Instant now) {}

  /** Cards with a balance limit while unregistered: US rules as the wiki states them (research-notes §5.3). */
  static final BigDecimal UNREGISTERED_LIMIT = new BigDecimal("1000.00");

  private final PtApiSimulator simulator;

  Api(PtApiSimulator simulator) {
    this.simulator = simulator;
  }

  private State state() {
    return simulator.state();
  }

  // ---- user ----

  Answer login(Call call) {
    Body b = call.body().allow("loginID", "password");
    String loginId = b.text("loginID", true, 254);
    String password = b.text("password", true, 256);
    State s = state();
    synchronized (s) {
      String[] user = s.users.get(loginId);
      if (user == null || !Digests.constantTimeEquals(user[0], password)) {
        throw Errors.pt(Errors.INVALID_LOGIN, "loginID or password is wrong");
      }
      String id = s.newSessionId(simulator.random());
      s.sessions.put(id, new State.Session(id, user[1], call.now().plus(simulator.sessionLifetime())));
      s.logins++;
      ObjectNode out = Json.object();
      out.put("sessionId", id);
      out.put("customerId", user[1]);
      return new Answer(200, out);
    }
  }

  Answer logout(Call call) {
    Body b = call.body().allow("sessionId");
    String id = b.text("sessionId", true, 512);
    State s = state();
    synchronized (s) {
      State.Session session = s.sessions.get(id);
      if (session == null) {
        throw Errors.pt(Errors.INVALID_LOGIN, "sessionId was never issued");
      }
      session.ended = true; // an expired or ended session: nothing more to end (logout is safe to repeat)
      return new Answer(204, null);
    }
  }

  Answer resetPassword(Call call) {
    Body b = call.body().allow("loginID");
    String loginId = b.text("loginID", true, 254);
    State s = state();
    synchronized (s) {
      s.passwordResets.add(loginId); // 204 whether or not the user exists: the answer reveals no account
      return new Answer(204, null);
    }
  }

  // ---- hierarchy ----

  Answer customers(Call call) {
    Body b = call.body().allow("sessionId", "parentId");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      String parentId = b.text("parentId", true, 64);
      if (!parentId.equals(session.parentId)) {
        boolean exists = s.businesses.values().stream().anyMatch(x -> x.parentId.equals(parentId))
            || s.users.values().stream().anyMatch(u -> u[1].equals(parentId));
        throw exists ? Errors.forbidden("parent " + parentId + " is not this session's")
            : Errors.notFound("no parent " + parentId);
      }
      ArrayNode list = Json.object().arrayNode();
      s.businesses.values().stream().filter(x -> x.parentId.equals(parentId)).forEach(x -> {
        ObjectNode c = list.addObject();
        c.put("customerId", x.customerId);
        c.put("parentId", x.parentId);
        c.put("name", x.name);
        c.put("status", "active");
      });
      ObjectNode out = Json.object();
      out.set("customers", list);
      return new Answer(200, out);
    }
  }

  Answer programs(Call call) {
    Body b = call.body().allow("sessionId", "customerId");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Business business = business(b.text("customerId", true, 64), session);
      ArrayNode list = Json.object().arrayNode();
      for (State.Program p : business.programs) {
        ObjectNode o = list.addObject();
        o.put("customerProgramId", p.customerProgramId());
        o.put("programId", p.programId());
        o.put("productId", p.productId());
        o.put("fundingId", p.fundingId());
        o.put("productType", p.productType());
        o.put("subProgramId", p.subProgramId());
        o.put("name", p.name());
      }
      ObjectNode out = Json.object();
      out.set("programs", list);
      return new Answer(200, out);
    }
  }

  // ---- cards: orders and registration ----

  Answer orderCard(Call call) {
    Body b = call.body().allow("sessionId", "customerId", "customerProgramId", "orderDetails");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Business business = business(b.text("customerId", true, 64), session);
      State.Program program = program(business, b.text("customerProgramId", true, 64));
      Body details = b.object("orderDetails", true).allow("cardType", "cardholders", "shippingAddress");
      String cardType = details.text("cardType", true, 20);
      if (!cardType.equals("physical") && !cardType.equals("digital")) {
        throw details.invalid("cardType", "must be physical or digital");
      }
      List<Body.Profile> profiles = new ArrayList<>();
      for (Body holder : details.objects("cardholders", 1, 100)) {
        profiles.add(holder.profile(true));
      }
      Body shipping = details.object("shippingAddress", false);
      if (shipping != null) {
        shipping.address();
      }
      String orderId = s.newOrderId();
      ArrayNode cards = Json.object().arrayNode();
      for (Body.Profile profile : profiles) {
        State.Cardholder holder = newCardholder(s, business.customerId, profile, call.now());
        State.Card card = newCard(s, business.customerId, program.customerProgramId(), cardType, orderId,
            cardType.equals("digital") ? "active" : "inactive", call.now());
        card.cardholderId = holder.cardholderId;
        cards.add(cardJson(card));
      }
      return new Answer(201, order(orderId, cards));
    }
  }

  Answer orderInstantIssue(Call call) {
    Body b = call.body().allow("sessionId", "customerId", "customerProgramId", "quantity", "shippingAddress");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Business business = business(b.text("customerId", true, 64), session);
      State.Program program = program(business, b.text("customerProgramId", true, 64));
      int quantity = b.integer("quantity", 1, 1000);
      b.object("shippingAddress", true).address();
      String orderId = s.newOrderId();
      ArrayNode cards = Json.object().arrayNode();
      for (int i = 0; i < quantity; i++) {
        cards.add(cardJson(newCard(s, business.customerId, program.customerProgramId(), "instant", orderId, "active",
            call.now())));
      }
      return new Answer(201, order(orderId, cards));
    }
  }

  Answer registerCard(Call call) {
    Body b = call.body().allow("sessionId", "customerId", "customerProgramId", "proxyKey", "panNumber", "cardholder");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Business business = business(b.text("customerId", true, 64), session);
      State.Program program = program(business, b.text("customerProgramId", true, 64));
      Registration r = registration(s, b, business, program, Set.of(), true);
      ObjectNode out = Json.object();
      out.put("orderId", register(s, r, call.now()));
      out.put("proxyKey", r.card().proxyKey);
      out.put("cardholderId", r.card().cardholderId);
      return new Answer(201, out);
    }
  }

  Answer registerCards(Call call) {
    Body b = call.body().allow("sessionId", "customerId", "customerProgramId", "cards");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Business business = business(b.text("customerId", true, 64), session);
      State.Program program = program(business, b.text("customerProgramId", true, 64));
      List<Registration> all = new ArrayList<>();
      Set<String> seen = new java.util.HashSet<>();
      for (Body entry : b.objects("cards", 1, 100)) {
        Registration r = registration(s, entry, business, program, seen, false);
        seen.add(r.card().proxyKey);
        all.add(r);
      }
      ArrayNode ids = Json.object().arrayNode(); // all checked first: nothing registers unless everything can
      for (Registration r : all) {
        ids.add(register(s, r, call.now()));
      }
      ObjectNode out = Json.object();
      out.set("orderIds", ids);
      return new Answer(201, out);
    }
  }

  private record Registration(State.Card card, Body.Profile profile) {}

  /** Checks one registration: exactly one of proxyKey / panNumber, a card of this program not yet registered. */
  private Registration registration(State s, Body b, State.Business business, State.Program program, Set<String> seen,
      boolean topLevel) {
    if (!topLevel) {
      b.allow("proxyKey", "panNumber", "cardholder");
    }
    String proxyKey = b.text("proxyKey", false, 64);
    String pan = b.matching("panNumber", false, Body.PAN, "12 to 19 digits");
    if ((proxyKey == null) == (pan == null)) {
      throw b.invalid("proxyKey", "or panNumber: exactly one of them is required");
    }
    Body.Profile profile = b.object("cardholder", true).profile(true);
    State.Card card = proxyKey != null ? s.cards.get(proxyKey) : s.cardByPan(business.customerId, pan);
    String named = proxyKey != null ? "card " + proxyKey : "the card with that panNumber";
    if (card == null || !card.customerId.equals(business.customerId)) {
      throw Errors.notFound("no " + named + " at customer " + business.customerId);
    }
    if (!card.customerProgramId.equals(program.customerProgramId())) {
      throw Errors.pt(Errors.FAILED_PRECONDITION, named + " belongs to program " + card.customerProgramId);
    }
    usable(card, named);
    if (card.cardholderId != null || seen.contains(card.proxyKey)) {
      throw Errors.pt(Errors.FAILED_PRECONDITION, named + " is already registered");
    }
    return new Registration(card, profile);
  }

  private String register(State s, Registration r, Instant now) {
    State.Cardholder holder = newCardholder(s, r.card().customerId, r.profile(), now);
    r.card().cardholderId = holder.cardholderId;
    return s.newOrderId();
  }

  // ---- cards: search and management ----

  Answer searchCards(Call call) {
    Body b = call.body().allow("sessionId", "customerId");
    Map<String, String> params = Search.parameters(call.request(),
        Set.of("q", "limit", "offset", "sort_by", "status", "expDate", "proxyKey"));
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Business business = business(b.text("customerId", true, 64), session);
      String status = params.get("status");
      if (status != null && !PtApiSimulator.CARD_STATUSES.contains(status)) {
        throw Errors.pt(Errors.INVALID_QUERY, "status must be one of " + PtApiSimulator.CARD_STATUSES);
      }
      String expDate = params.get("expDate");
      if (expDate != null && !expDate.matches("[0-9]{8}")) {
        throw Errors.pt(Errors.INVALID_QUERY, "expDate must be MMDDYYYY");
      }
      String proxyKey = params.get("proxyKey");
      List<State.Card> cards = s.cards.values().stream().filter(c -> c.customerId.equals(business.customerId)).toList();
      Search.Page<State.Card> page = Search.run(params, cards, CARD_FIELDS, c -> c.proxyKey,
          c -> (status == null || c.status.equals(status)) && (expDate == null || c.expDate.equals(expDate))
              && (proxyKey == null || c.proxyKey.equals(proxyKey)));
      ArrayNode list = Json.object().arrayNode();
      page.items().forEach(c -> list.add(cardJson(c)));
      ObjectNode out = Json.object();
      out.set("cards", list);
      out.put("total", page.total());
      return new Answer(200, out);
    }
  }

  Answer changeCardStatus(Call call) {
    Body b = call.body().allow("sessionId", "proxyKey", "status", "reason");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Card card = card(b.text("proxyKey", true, 64), session);
      String status = b.text("status", true, 20);
      b.text("reason", false, 200);
      if (!PtApiSimulator.CARD_STATUSES.contains(status)) {
        throw b.invalid("status", "must be one of " + PtApiSimulator.CARD_STATUSES);
      }
      if (status.equals("fraud") || status.equals("charged_off")) {
        throw Errors.pt(Errors.FAILED_PRECONDITION, "status " + status + " is set by PT, not by a request");
      }
      accountState(card);
      if (card.status.equals("closed") && !status.equals("closed")) {
        throw Errors.pt(Errors.FAILED_PRECONDITION, "card " + card.proxyKey + " is closed");
      }
      card.status = status;
      return new Answer(200, cardJson(card));
    }
  }

  Answer duplicateCard(Call call) {
    Body b = call.body().allow("sessionId", "proxyKey");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Card old = card(b.text("proxyKey", true, 64), session);
      usable(old, "card " + old.proxyKey);
      if (old.cardholderId == null) {
        throw Errors.pt(Errors.FAILED_PRECONDITION, "card " + old.proxyKey + " is not registered");
      }
      String orderId = s.newOrderId();
      State.Card copy = newCard(s, old.customerId, old.customerProgramId, old.cardType, orderId,
          old.cardType.equals("physical") ? "inactive" : "active", call.now());
      copy.cardholderId = old.cardholderId;
      copy.balance = old.balance;
      old.balance = new BigDecimal("0.00");
      old.status = "closed";
      ArrayNode cards = Json.object().arrayNode();
      cards.add(cardJson(copy));
      return new Answer(201, order(orderId, cards));
    }
  }

  // ---- money ----

  Answer load(Call call) {
    return move(call, "load");
  }

  Answer unload(Call call) {
    return move(call, "unload");
  }

  private Answer move(Call call, String type) {
    Body b = call.body().allow("sessionId", "proxyKey", "amount", "referenceId", "memo");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Card card = card(b.text("proxyKey", true, 64), session);
      BigDecimal amount = b.money("amount");
      String reference = b.matching("referenceId", true, Body.REFERENCE, "1 to 64 of A-Z a-z 0-9 _ . : -");
      String memo = b.text("memo", false, 200);
      State.Business business = s.businesses.get(card.customerId);
      if (s.transactions.stream().anyMatch(t -> t.customerId().equals(business.customerId)
          && t.referenceId().equals(reference))) {
        throw Errors.pt(Errors.FAILED_PRECONDITION, "referenceId " + reference + " was already used");
      }
      accountState(card);
      if (!card.status.equals("active")) {
        throw Errors.pt(Errors.FAILED_PRECONDITION, "card " + card.proxyKey + " is " + card.status);
      }
      if (type.equals("load")) {
        State.Cardholder holder = card.cardholderId == null ? null : s.cardholders.get(card.cardholderId);
        if (holder != null && !holder.status.equals("active")) {
          throw Errors.pt(Errors.CARDHOLDER_NOT_ACTIVE, "cardholder " + holder.cardholderId + " is " + holder.status);
        }
        if (business.masterFunds.compareTo(amount) < 0) {
          throw Errors.pt(PtApiSimulator.INSUFFICIENT_MASTER_FUNDS_CODE, "the master funds account of customer "
              + business.customerId + " holds " + business.masterFunds.toPlainString() + ", less than "
              + amount.toPlainString());
        }
        if (holder == null && card.balance.add(amount).compareTo(UNREGISTERED_LIMIT) > 0) {
          throw Errors.pt(Errors.OUT_OF_RANGE, "an unregistered card may not hold more than "
              + UNREGISTERED_LIMIT.toPlainString() + "; register card " + card.proxyKey + " first");
        }
        business.masterFunds = business.masterFunds.subtract(amount);
        card.balance = card.balance.add(amount);
      } else {
        if (card.balance.compareTo(amount) < 0) {
          throw Errors.pt(Errors.OUT_OF_RANGE, "card " + card.proxyKey + " holds " + card.balance.toPlainString()
              + ", less than " + amount.toPlainString());
        }
        card.balance = card.balance.subtract(amount);
        business.masterFunds = business.masterFunds.add(amount);
      }
      State.Transaction t = new State.Transaction(s.newTransactionId(), reference, type, card.proxyKey,
          business.customerId, amount, card.balance, business.masterFunds, call.now(), memo);
      s.transactions.add(t);
      return new Answer(200, transactionJson(t));
    }
  }

  Answer loadHistory(Call call) {
    Body b = call.body().allow("sessionId", "proxyKey");
    Map<String, String> params = Search.parameters(call.request(), Set.of("limit", "offset"));
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Card card = card(b.text("proxyKey", true, 64), session);
      int limit = Search.integer(params, "limit", Search.DEFAULT_LIMIT, 1, Search.MAX_LIMIT);
      int offset = Search.integer(params, "offset", 0, 0, Integer.MAX_VALUE);
      List<State.Transaction> mine = new ArrayList<>();
      for (int i = s.transactions.size() - 1; i >= 0; i--) { // newest first
        if (s.transactions.get(i).proxyKey().equals(card.proxyKey)) {
          mine.add(s.transactions.get(i));
        }
      }
      ArrayNode list = Json.object().arrayNode();
      dev.paykit.sandbox.Paging.slice(mine, offset, limit).forEach(t -> list.add(transactionJson(t)));
      ObjectNode out = Json.object();
      out.set("transactions", list);
      out.put("total", mine.size());
      return new Answer(200, out);
    }
  }

  // ---- cardholders ----

  Answer searchCardholders(Call call) {
    Body b = call.body().allow("sessionId", "customerId");
    Map<String, String> params = Search.parameters(call.request(),
        Set.of("q", "limit", "offset", "sort_by", "status", "email"));
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Business business = business(b.text("customerId", true, 64), session);
      String status = params.get("status");
      if (status != null && !status.equals("active") && !status.equals("inactive")) {
        throw Errors.pt(Errors.INVALID_QUERY, "status must be active or inactive");
      }
      String email = params.get("email");
      LocalDate today = LocalDate.ofInstant(call.now(), ZoneOffset.UTC);
      List<State.Cardholder> holders = s.cardholders.values().stream()
          .filter(h -> h.customerId.equals(business.customerId)).toList();
      Search.Page<State.Cardholder> page = Search.run(params, holders, cardholderFields(s, today),
          h -> h.cardholderId, h -> (status == null || h.status.equals(status))
              && (email == null || (h.email != null && h.email.equalsIgnoreCase(email))));
      ArrayNode list = Json.object().arrayNode();
      page.items().forEach(h -> list.add(cardholderJson(s, h, today)));
      ObjectNode out = Json.object();
      out.set("cardholders", list);
      out.put("total", page.total());
      return new Answer(200, out);
    }
  }

  Answer getCardholder(Call call) {
    Body b = call.body().allow("sessionId", "cardholderId");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Cardholder holder = cardholder(b.text("cardholderId", true, 64), session);
      return new Answer(200, cardholderJson(s, holder, LocalDate.ofInstant(call.now(), ZoneOffset.UTC)));
    }
  }

  Answer updateCardholder(Call call) {
    Body b = call.body().allow("sessionId", "cardholderId", "firstName", "lastName", "email", "phone", "address",
        "status");
    State s = state();
    synchronized (s) {
      State.Session session = session(b, call.now());
      State.Cardholder holder = cardholder(b.text("cardholderId", true, 64), session);
      ObjectNode profileFields = b.node.deepCopy();
      profileFields.remove(List.of("sessionId", "cardholderId", "status"));
      String status = b.text("status", false, 20);
      if (status != null && !status.equals("active") && !status.equals("inactive")) {
        throw b.invalid("status", "must be active or inactive");
      }
      Body.Profile p = reread(profileFields).profile(false);
      if (p.firstName() != null) {
        holder.firstName = p.firstName();
      }
      if (p.lastName() != null) {
        holder.lastName = p.lastName();
      }
      if (p.email() != null) {
        holder.email = p.email();
      }
      if (p.phone() != null) {
        holder.phone = p.phone();
      }
      if (p.address() != null) {
        holder.address = p.address();
      }
      if (status != null) {
        holder.status = status;
      }
      holder.lastModified = call.now();
      return new Answer(200, cardholderJson(s, holder, LocalDate.ofInstant(call.now(), ZoneOffset.UTC)));
    }
  }

  private static Body reread(ObjectNode fields) {
    return Body.of(fields);
  }

  // ---- checks shared by the operations ----

  private State.Session session(Body b, Instant now) {
    String id = b.text("sessionId", true, 512);
    State.Session session = state().sessions.get(id);
    if (session == null) {
      throw Errors.pt(Errors.INVALID_LOGIN, "sessionId was never issued");
    }
    if (session.ended || !now.isBefore(session.expiresAt)) {
      throw Errors.pt(Errors.EXPIRED_LOGIN, "the session has " + (session.ended ? "been logged out" : "expired")
          + "; log in again");
    }
    return session;
  }

  private State.Business business(String customerId, State.Session session) {
    State.Business business = state().businesses.get(customerId);
    if (business == null) {
      throw Errors.notFound("no customer " + customerId);
    }
    if (!business.parentId.equals(session.parentId)) {
      throw Errors.forbidden("customer " + customerId + " is not under this session's parent");
    }
    return business;
  }

  private static State.Program program(State.Business business, String customerProgramId) {
    return business.programs.stream().filter(p -> p.customerProgramId().equals(customerProgramId)).findFirst()
        .orElseThrow(() -> Errors.notFound("customer " + business.customerId + " has no program " + customerProgramId));
  }

  private State.Card card(String proxyKey, State.Session session) {
    State.Card card = state().cards.get(proxyKey);
    if (card == null) {
      throw Errors.notFound("no card " + proxyKey);
    }
    business(card.customerId, session);
    return card;
  }

  private State.Cardholder cardholder(String id, State.Session session) {
    State.Cardholder holder = state().cardholders.get(id);
    if (holder == null) {
      throw Errors.notFound("no cardholder " + id);
    }
    business(holder.customerId, session);
    return holder;
  }

  /** 402002 / 402003 for a card PT froze. */
  private static void accountState(State.Card card) {
    if (card.status.equals("fraud")) {
      throw Errors.pt(Errors.FRAUD, "card " + card.proxyKey);
    }
    if (card.status.equals("charged_off")) {
      throw Errors.pt(Errors.CHARGED_OFF, "card " + card.proxyKey);
    }
  }

  /** A card that can still be registered or replaced: not frozen (402), not closed (400004). */
  private static void usable(State.Card card, String named) {
    accountState(card);
    if (card.status.equals("closed")) {
      throw Errors.pt(Errors.FAILED_PRECONDITION, named + " is closed");
    }
  }

  private static State.Cardholder newCardholder(State s, String customerId, Body.Profile p, Instant now) {
    State.Cardholder h = new State.Cardholder(s.newCardholderId(), customerId);
    h.firstName = p.firstName();
    h.lastName = p.lastName();
    h.email = p.email();
    h.phone = p.phone();
    h.dateOfBirth = p.dateOfBirth();
    h.address = p.address();
    h.lastModified = now;
    s.cardholders.put(h.cardholderId, h);
    return h;
  }

  private static State.Card newCard(State s, String customerId, String programId, String type, String orderId,
      String status, Instant now) {
    String proxyKey = s.newProxyKey();
    LocalDate expiry = LocalDate.ofInstant(now, ZoneOffset.UTC).plusYears(3).withDayOfMonth(1).plusMonths(1)
        .minusDays(1);
    String expDate = String.format("%02d%02d%04d", expiry.getMonthValue(), expiry.getDayOfMonth(), expiry.getYear());
    State.Card card = new State.Card(proxyKey, s.newPan(), customerId, programId, type, orderId, expDate, status);
    s.cards.put(proxyKey, card);
    return card;
  }

  // ---- JSON ----

  private static ObjectNode order(String orderId, ArrayNode cards) {
    ObjectNode out = Json.object();
    out.put("orderId", orderId);
    out.put("orderStatus", "placed");
    out.set("cards", cards);
    return out;
  }

  static ObjectNode cardJson(State.Card c) {
    ObjectNode o = Json.object();
    o.put("proxyKey", c.proxyKey);
    o.put("last4", c.pan.substring(c.pan.length() - 4));
    o.put("status", c.status);
    o.put("expDate", c.expDate);
    o.put("customerId", c.customerId);
    o.put("customerProgramId", c.customerProgramId);
    if (c.cardholderId == null) {
      o.putNull("cardholderId");
    } else {
      o.put("cardholderId", c.cardholderId);
    }
    o.put("cardType", c.cardType);
    o.set("balance", Json.decimal(c.balance));
    o.put("orderId", c.orderId);
    return o;
  }

  private static ObjectNode transactionJson(State.Transaction t) {
    ObjectNode o = Json.object();
    o.put("transactionId", t.transactionId());
    o.put("referenceId", t.referenceId());
    o.put("type", t.type());
    o.put("proxyKey", t.proxyKey());
    o.set("amount", Json.decimal(t.amount()));
    o.set("cardBalance", Json.decimal(t.cardBalance()));
    o.set("masterFundsBalance", Json.decimal(t.masterFundsBalance()));
    o.put("createdAt", t.createdAt().toString());
    if (t.memo() != null) {
      o.put("memo", t.memo());
    }
    return o;
  }

  private static ObjectNode cardholderJson(State s, State.Cardholder h, LocalDate today) {
    ObjectNode o = Json.object();
    o.put("cardholderId", h.cardholderId);
    o.put("customerId", h.customerId);
    o.put("firstName", h.firstName);
    o.put("lastName", h.lastName);
    if (h.email != null) {
      o.put("email", h.email);
    }
    if (h.phone != null) {
      o.put("phone", h.phone);
    }
    if (h.dateOfBirth != null) {
      o.put("dateOfBirth", h.dateOfBirth.toString());
      o.put("age", Period.between(h.dateOfBirth, today).getYears());
    }
    o.put("status", h.status);
    if (h.address != null) {
      o.set("address", h.address.deepCopy());
    }
    ArrayNode keys = o.putArray("proxyKeys");
    s.cards.values().stream().filter(c -> h.cardholderId.equals(c.cardholderId)).forEach(c -> keys.add(c.proxyKey));
    o.put("lastModified", h.lastModified.toString());
    return o;
  }

  /** The fields {@code q} and {@code sort_by} may name on cards. */
  static final Map<String, Function<State.Card, Object>> CARD_FIELDS = cardFields();

  private static Map<String, Function<State.Card, Object>> cardFields() {
    Map<String, Function<State.Card, Object>> f = new LinkedHashMap<>();
    f.put("proxyKey", c -> c.proxyKey);
    f.put("last4", c -> c.pan.substring(c.pan.length() - 4));
    f.put("status", c -> c.status);
    f.put("expDate", c -> c.expDate);
    f.put("cardholderId", c -> c.cardholderId);
    f.put("cardType", c -> c.cardType);
    f.put("customerProgramId", c -> c.customerProgramId);
    f.put("orderId", c -> c.orderId);
    f.put("balance", c -> c.balance);
    return Map.copyOf(f);
  }

  /** The fields {@code q} and {@code sort_by} may name on cardholders ({@code age} as of {@code today}). */
  static Map<String, Function<State.Cardholder, Object>> cardholderFields(State s, LocalDate today) {
    Map<String, Function<State.Cardholder, Object>> f = new LinkedHashMap<>();
    f.put("cardholderId", h -> h.cardholderId);
    f.put("firstName", h -> h.firstName);
    f.put("lastName", h -> h.lastName);
    f.put("email", h -> h.email);
    f.put("phone", h -> h.phone);
    f.put("dateOfBirth", h -> h.dateOfBirth == null ? null : h.dateOfBirth.toString());
    f.put("age", h -> h.dateOfBirth == null ? null : Period.between(h.dateOfBirth, today).getYears());
    f.put("status", h -> h.status);
    f.put("city", h -> h.address == null ? null : h.address.path("city").asText(null));
    f.put("state", h -> h.address == null ? null : h.address.path("state").asText(null));
    f.put("zip", h -> h.address == null ? null : h.address.path("zip").asText(null));
    f.put("lastModified", h -> h.lastModified.toString());
    f.put("proxyKey", h -> s.cards.values().stream().filter(c -> h.cardholderId.equals(c.cardholderId))
        .map(c -> c.proxyKey).findFirst().orElse(null));
    return f;
  }
}
