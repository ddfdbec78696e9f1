package dev.paykit.ptapi;

import dev.paykit.core.RequestOptions;
import dev.paykit.core.internal.CallReport;
import dev.paykit.ptapi.api.UserApi;
import dev.paykit.ptapi.model.LoginRequest;
import dev.paykit.ptapi.model.LoginResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's PT session: logged in on first use, its id filled into every body the spec marks
 * {@code x-paykit-derived: session} ({@link #attemptValue}), renewed when PT says it expired. Renewing is
 * keyed by the id that expired, so callers that failed together on one expired session share one login:
 * the first renews it, the others find a newer id and use it. Logins never run inside another call's
 * pipeline. Thread-safe; neither the password nor the session id is ever in a message or {@code toString}.
 */
final class Session {

  /** The session id the last attempt on this thread carried (to renew exactly that one). */
  private static final ThreadLocal<String> USED = new ThreadLocal<>();

  private final UserApi user;
  private final String loginId;
  private final String password;
  private final Object lock = new Object();
  private final AtomicInteger logins = new AtomicInteger();
  private volatile LoginResponse current;
  /** The ids of the last two sessions (the current one first), for the redactor: never shown, even echoed. */
  private volatile List<String> recentIds = List.of();

  Session(UserApi user, String loginId, String password) {
    this.user = user;
    this.loginId = loginId;
    this.password = password;
  }

  /** The derived value of this attempt: the current session id (null before the first login). */
  String attemptValue() {
    LoginResponse c = current;
    String id = c == null ? null : c.getSessionId();
    USED.set(id);
    return id;
  }

  /** The session id the last attempt on this thread carried; cleared by reading. */
  static String takeUsed() {
    String id = USED.get();
    USED.remove();
    return id;
  }

  /** The session, logging in when there is none yet. */
  LoginResponse ensure() {
    LoginResponse c = current;
    if (c != null) {
      return c;
    }
    synchronized (lock) {
      if (current == null) {
        current = login();
      }
      return current;
    }
  }

  /**
   * Logs in again unless the session that expired ({@code expiredId}, the id the failed attempt carried)
   * was already replaced by another caller.
   */
  void renew(String expiredId) {
    synchronized (lock) {
      LoginResponse c = current;
      if (c == null || Objects.equals(c.getSessionId(), expiredId)) {
        // the expired id stays until the new one is there: a concurrent attempt must never go out without
        // a session id (it would get 400003, a definite failure, instead of 401001 and one shared re-login)
        current = login();
      }
    }
  }

  /** Ends the session, if there is one; the next call logs in again. */
  void logout() {
    synchronized (lock) {
      if (current == null) {
        return;
      }
      try {
        CallReport.run(RequestOptions.none(), () -> {
          user.logout(Map.of()); // the body's only field, sessionId, is derived
          return null;
        });
      } catch (PtApiGatewayKeyException rejected) {
        throw rejected; // the session is still open: the caller may repeat with the secondary key
      } catch (RuntimeException failed) {
        current = null;
        throw failed;
      }
      current = null;
    }
  }

  /** The business the login named (the group's {@code parentId}); logs in when needed. */
  String customerId() {
    return ensure().getCustomerId();
  }

  /** The ids of the current and the previous session (none before the first login), to be masked. */
  List<String> recentIds() {
    return recentIds;
  }

  boolean active() {
    return current != null;
  }

  /** Logins made so far (the first and every renewal). */
  int logins() {
    return logins.get();
  }

  private LoginResponse login() {
    LoginResponse r = CallReport.run(RequestOptions.none(),
        () -> user.login(new LoginRequest().loginId(loginId).password(password)));
    logins.incrementAndGet();
    if (r != null && r.getSessionId() != null) {
      List<String> ids = new ArrayList<>(2);
      ids.add(r.getSessionId());
      if (!recentIds.isEmpty() && !recentIds.get(0).equals(r.getSessionId())) {
        ids.add(recentIds.get(0));
      }
      recentIds = List.copyOf(ids);
    }
    return r;
  }

  @Override
  public String toString() {
    return "Session[" + (current == null ? "none" : "active") + "]";
  }
}
