package dev.paykit.sandbox.paypercut;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.sandbox.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Paypercut simulator knows: accounts, and every object by id with the account it
 * was made under. Ids are a prefix and a sequence number ({@code pi_0000000001}), one sequence per
 * prefix across all accounts, restarting with every new state: a run after a reset sees the same
 * ids. Lookups by account ({@link #owned}) are the only way handlers reach an object, so that one
 * account never sees another's.
 *
 * <p>Not thread-safe: {@link Store} hands it out only under its lock.
 */
final class State {
  final Map<String, Account> accounts = new LinkedHashMap<>();
  final Map<String, Customer> customers = new LinkedHashMap<>();
  final Map<String, Method> methods = new LinkedHashMap<>();
  final Map<String, Intent> intents = new LinkedHashMap<>();
  final Map<String, Charge> charges = new LinkedHashMap<>();
  final Map<String, Refund> refunds = new LinkedHashMap<>();
  final Map<String, Doc> docs = new LinkedHashMap<>();
  final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
  final Map<String, Event> events = new LinkedHashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private final List<Event> emitted = new ArrayList<>();

  State() {
    accounts.put(PaypercutSimulator.PLATFORM_ACCOUNT, new Account(PaypercutSimulator.PLATFORM_ACCOUNT, null,
        Method.FIXTURE_CREATED, "standard", "BG", "eur", "platform@paykit.invalid", "company",
        Json.object().put("name", "paykit sandbox platform"), null, null, Json.object()));
  }

  /** {@code prefix_0000000001}, {@code prefix_0000000002} ...: ordered like creation. */
  String nextId(String prefix) {
    long n = sequences.merge(prefix, 1L, Long::sum);
    return String.format("%s_%010d", prefix, n);
  }

  /** The object with this id if {@code account} owns it. */
  static <T extends Owned> Optional<T> owned(Map<String, T> objects, String account, String id) {
    T object = objects.get(id);
    return object != null && account.equals(object.account()) ? Optional.of(object) : Optional.empty();
  }

  /** Every object {@code account} owns, in creation order. */
  static <T extends Owned> List<T> ownedBy(Map<String, T> objects, String account) {
    return objects.values().stream().filter(o -> account.equals(o.account())).toList();
  }

  Optional<Doc> doc(String kind, String account, String id) {
    return owned(docs, account, id).filter(d -> d.kind.equals(kind));
  }

  List<Doc> docs(String kind, String account) {
    return ownedBy(docs, account).stream().filter(d -> d.kind.equals(kind)).toList();
  }

  /** A test card (in every account) or a payment method {@code account} made. */
  Optional<Method> method(String account, String id) {
    TestCard card = TestCard.byId(id);
    return card != null ? Optional.of(Method.fixture(card)) : owned(methods, account, id);
  }

  /** The payment methods attached to {@code customer}, in creation order. */
  List<Method> attachedTo(String customer) {
    return methods.values().stream().filter(m -> customer.equals(m.customer)).toList();
  }

  /**
   * Records an event of {@code account} about {@code object} (its JSON as of now); it is handed to
   * the webhook deliveries when the store's operation ends ({@link #drainEmitted()}).
   */
  Event emit(String account, String type, ObjectNode object, Instant now) {
    Account owner = accounts.get(account);
    String connected = owner == null || owner.isPlatform() ? null : account;
    Event event = new Event(nextId("evt"), account, connected, now, type, object);
    events.put(event.id(), event);
    emitted.add(event);
    return event;
  }

  /**
   * The events emitted since the last call, each with the endpoints of its account that subscribe
   * to its type (as registered now).
   */
  List<Deliveries.Dispatch> drainEmitted() {
    List<Deliveries.Dispatch> out = new ArrayList<>();
    for (Event event : emitted) {
      List<Deliveries.Target> targets = ownedBy(endpoints, event.account()).stream()
          .filter(e -> e.enabledEvents.contains(event.type))
          .map(e -> new Deliveries.Target(e.id(), e.url, e.secret)).toList();
      out.add(new Deliveries.Dispatch(event.id(), event.type, event.body(), targets));
    }
    emitted.clear();
    return out;
  }

  List<Payment> payments() {
    return charges.values().stream().map(Charge::snapshot).toList();
  }

  List<PaymentIntent> paymentIntents() {
    return intents.values().stream().map(Intent::snapshot).toList();
  }
}
