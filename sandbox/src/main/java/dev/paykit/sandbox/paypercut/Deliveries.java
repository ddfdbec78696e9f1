package dev.paykit.sandbox.paypercut;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Webhook delivery: every event is POSTed to each endpoint of its account that subscribes to its
 * type, with the exact event JSON as body and the headers {@code Content-Type: application/json},
 * {@code Paypercut-Signature}, {@code Paypercut-Delivery-Id} (new on every attempt) and
 * {@code Paypercut-Event-Id} (the event's id, on every attempt).
 *
 * <p>Attempts run on one background thread, in the order they fell due (then in the order they were
 * queued), so that the order of deliveries is deterministic. An attempt is due at a time of the
 * simulator's clock: the first one when the event happened, a retry after a failure (a status other
 * than 2xx, a connection failure, no answer within the timeout) {@code backoff * 2^(n-1)} after the
 * n-th attempt, up to {@value #MAX_ATTEMPTS} attempts in all. A URL whose host is not loopback
 * ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) is never sent to: the attempt is recorded as
 * refused and not retried. Pending attempts of a deleted endpoint are dropped.
 *
 * <p>The thread wakes up when an attempt falls due by the real clock; with a pinned simulator clock,
 * tests move time on and call {@link #await} (which runs every due attempt on the delivery thread
 * and waits for it), so they never sleep. Thread-safe: its own lock, never held while sending, and
 * never taking the store's lock (the store calls {@link #dispatch} under its own).
 */
final class Deliveries {
  /** What an endpoint needs to be delivered to; {@link #toString()} leaves the secret out. */
  record Target(String webhookId, String url, String secret) {
    @Override
    public String toString() {
      return "Target[" + webhookId + " " + url + "]";
    }
  }

  /** One event to deliver to its targets. */
  record Dispatch(String eventId, String type, byte[] body, List<Target> targets) {}

  private record Attempt(long order, Dispatch event, Target target, int number, Instant due) {}

  static final int MAX_ATTEMPTS = 5;
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  /** One client for every simulator: HTTP/1.1, no redirects followed, 2 s to connect. */
  private static final class Client {
    static final HttpClient INSTANCE = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(DEFAULT_TIMEOUT)
        .build();
  }

  private final Supplier<Instant> clock;
  private final ScheduledThreadPoolExecutor worker;
  private final Object lock = new Object();
  private final PriorityQueue<Attempt> pending = new PriorityQueue<>(
      Comparator.comparing(Attempt::due).thenComparingLong(Attempt::order));
  private final List<Delivery> records = new ArrayList<>();
  private final Set<String> deleted = new HashSet<>();
  private long order;
  private long deliverySequence;
  /** Bumped by {@link #reset()}: the result of an attempt started before it is thrown away. */
  private long generation;
  private ScheduledFuture<?> wake;
  private volatile Duration timeout = DEFAULT_TIMEOUT;
  private volatile Duration backoff = DEFAULT_BACKOFF;

  Deliveries(Supplier<Instant> clock) {
    this.clock = clock;
    this.worker = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "paypercut-sandbox-webhooks");
      thread.setDaemon(true);
      return thread;
    });
    worker.setKeepAliveTime(10, TimeUnit.SECONDS);
    worker.allowCoreThreadTimeOut(true);
    worker.setRemoveOnCancelPolicy(true);
  }

  /** Queues the first attempt of each event to each of its targets, due now. */
  void dispatch(List<Dispatch> events) {
    synchronized (lock) {
      Instant now = clock.get();
      for (Dispatch event : events) {
        for (Target target : event.targets()) {
          pending.add(new Attempt(order++, event, target, 1, now));
        }
      }
    }
    kick();
  }

  /** Makes the delivery thread look for due attempts (after events, or when the clock moved). */
  void kick() {
    worker.execute(this::pump);
  }

  /** No more attempts to this endpoint (deleted): pending ones are dropped, no retry is queued. */
  void forget(String webhookId) {
    synchronized (lock) {
      deleted.add(webhookId);
      pending.removeIf(a -> a.target().webhookId().equals(webhookId));
    }
  }

  void timeout(Duration timeout) {
    this.timeout = timeout;
  }

  void backoff(Duration backoff) {
    this.backoff = backoff;
  }

  /** Every attempt so far, in the order made. */
  List<Delivery> records() {
    synchronized (lock) {
      return List.copyOf(records);
    }
  }

  /** Attempts not made yet (due now or later). */
  int pendingCount() {
    synchronized (lock) {
      return pending.size();
    }
  }

  /**
   * Runs every attempt that is due by the simulator's clock on the delivery thread, again until
   * none is due, and waits for it. False when that took longer than {@code max}.
   */
  boolean await(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      Future<?> run = worker.submit(this::pump);
      try {
        run.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (ExecutionException e) {
        throw new IllegalStateException("webhook delivery failed unexpectedly", e.getCause());
      }
      synchronized (lock) {
        Attempt next = pending.peek();
        if (next == null || next.due().isAfter(clock.get())) {
          return true;
        }
      }
    }
  }

  /** Drops every pending attempt and record; an attempt being made now is not recorded. */
  void reset() {
    synchronized (lock) {
      generation++;
      pending.clear();
      records.clear();
      deleted.clear();
      order = 0;
      deliverySequence = 0;
      timeout = DEFAULT_TIMEOUT;
      backoff = DEFAULT_BACKOFF;
      if (wake != null) {
        wake.cancel(false);
        wake = null;
      }
    }
  }

  /** Makes every due attempt, one after the other; on the delivery thread only. */
  private void pump() {
    while (true) {
      Attempt attempt;
      long started;
      String deliveryId;
      synchronized (lock) {
        attempt = pending.peek();
        if (attempt == null || attempt.due().isAfter(clock.get())) {
          break;
        }
        pending.poll();
        started = generation;
        deliveryId = String.format("whdel_%010d", ++deliverySequence);
      }
      Delivery delivery = send(attempt, deliveryId);
      synchronized (lock) {
        if (started != generation) {
          continue;
        }
        records.add(delivery);
        boolean retry = !delivery.delivered() && !delivery.refused() && attempt.number() < MAX_ATTEMPTS
            && !deleted.contains(attempt.target().webhookId());
        if (retry) {
          Duration wait = backoff.multipliedBy(1L << (attempt.number() - 1));
          pending.add(new Attempt(order++, attempt.event(), attempt.target(), attempt.number() + 1,
              delivery.attemptedAt().plus(wait)));
        }
      }
    }
    scheduleWake();
  }

  /** Wakes the thread when the next attempt falls due by the real clock (at least 10 ms from now). */
  private void scheduleWake() {
    synchronized (lock) {
      if (wake != null) {
        wake.cancel(false);
        wake = null;
      }
      Attempt next = pending.peek();
      if (next != null) {
        long millis = Duration.between(clock.get(), next.due()).toMillis();
        wake = worker.schedule(this::pump, Math.max(10, millis), TimeUnit.MILLISECONDS);
      }
    }
  }

  private Delivery send(Attempt attempt, String deliveryId) {
    Instant at = clock.get();
    Dispatch event = attempt.event();
    Target target = attempt.target();
    String body = new String(event.body(), StandardCharsets.UTF_8);
    URI uri = URI.create(target.url());
    if (!isLoopback(uri)) {
      return new Delivery(deliveryId, event.eventId(), event.type(), target.webhookId(), target.url(),
          attempt.number(), at, body, null, 0, "refused: " + uri.getHost()
          + " is not a loopback address (the sandbox delivers only to 127.0.0.1, ::1 or localhost)");
    }
    String signature = Signature.header(target.secret(), at.getEpochSecond(), event.body());
    Duration limit = timeout;
    int status = 0;
    String error = null;
    try {
      HttpRequest request = HttpRequest.newBuilder(uri)
          .timeout(limit)
          .header("Content-Type", "application/json")
          .header("User-Agent", "paykit-sandbox-paypercut")
          .header(PaypercutSimulator.SIGNATURE_HEADER, signature)
          .header(PaypercutSimulator.DELIVERY_ID_HEADER, deliveryId)
          .header(PaypercutSimulator.EVENT_ID_HEADER, event.eventId())
          .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
          .build();
      status = Client.INSTANCE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (HttpTimeoutException e) {
      error = "timed out after " + limit;
    } catch (ConnectException e) {
      error = "connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      error = "failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    return new Delivery(deliveryId, event.eventId(), event.type(), target.webhookId(), target.url(),
        attempt.number(), at, body, signature, status, error);
  }

  /** {@code localhost}, or a literal IPv4 or IPv6 loopback address; no name is looked up. */
  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    if (IPV4.matcher(host).matches() || host.startsWith("[")) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
