package dev.paykit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paykit.core.ErrorDetails;
import dev.paykit.core.RequestOptions;
import dev.paykit.core.UnexpectedResponseException;
import dev.paykit.core.internal.spec.OperationSpec;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Conditional reads with a bounded LRU cache of answers that carried an {@code ETag}, for any provider
 * whose spec lists a 304 for a read ({@link OperationSpec#conditionalRead()}: no effect, 304 listed). Writes,
 * logins and every other operation never touch it.
 *
 * <p>Per attempt ({@link #prepare}, the pipeline's last attempt step): the request's identity is its
 * operation, method, path and query, the call's scope and extra headers, and its JSON body <em>without</em>
 * the properties the SDK derives ({@code x-paykit-derived}: a session id, a timestamp), so a new session
 * still finds the entry while two requests that differ in anything the caller chose (another business,
 * another program, another page, another scope) never share one. The security headers are not part of the
 * identity and a key never holds a secret. When an entry exists, {@code If-None-Match} carries its ETag and
 * the entry is pinned to the attempt, so an eviction while the request is on the way cannot lose it.
 *
 * <p>On the answer ({@link #client}, around the transport): a 200 with an {@code ETag} is stored (at most
 * {@value #MAX_ENTRY} bytes) once the pipeline's {@link ResponseGuard} found it usable, never before (an
 * answer cut short must not be served again by every later 304); a 304 to a request that named a cached ETag is handed on as a 200 carrying
 * the cached body (decoded again by the pipeline: every call gets a fresh object), its reason phrase saying
 * it came from the cache. A 304 to a request that named none (no entry, or the server answered 304 without
 * being asked) is an {@link UnexpectedResponseException} saying so, never an empty result or an NPE; like
 * any unusable answer to a read it is retried (the entry may have been dropped since: the next attempt asks
 * unconditionally).
 * Thread-safe; one per client, shared by its views.
 */
public final class ConditionalReads {

  /** Answers larger than this are not cached (they are still returned). */
  static final int MAX_ENTRY = 1024 * 1024;

  /** A cached answer. */
  record Entry(String etag, byte[] body, Map<String, Collection<String>> headers) {}

  /**
   * What one attempt of a conditional read sent: its key and the entry whose ETag it named (or null); then
   * the answer to keep, once the pipeline found it usable ({@link #accepted}).
   */
  static final class Sent {
    private final ConditionalReads cache;
    private final String key;
    private final Entry entry;
    private Entry answer;

    Sent(ConditionalReads cache, String key, Entry entry) {
      this.cache = cache;
      this.key = key;
      this.entry = entry;
    }

    Entry entry() {
      return entry;
    }
  }

  private final String provider;
  private final ObjectMapper mapper;
  private final int capacity;
  private final LinkedHashMap<String, Entry> entries;

  ConditionalReads(String provider, ObjectMapper mapper, int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("etagCacheSize must be 0 (no cache) or more, was " + capacity);
    }
    this.provider = provider;
    this.mapper = mapper;
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > ConditionalReads.this.capacity;
      }
    };
  }

  boolean enabled() {
    return capacity > 0;
  }

  /** Entries held now (for tests and diagnostics). */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Drops every entry. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  private Entry get(String key) {
    synchronized (entries) {
      return entries.get(key);
    }
  }

  private void put(String key, Entry entry) {
    synchronized (entries) {
      entries.put(key, entry);
    }
  }

  /** The last attempt step: the request's key, and {@code If-None-Match} when an answer to it is cached. */
  void prepare(AttemptRequest template, OperationSpec op) {
    CallContext call = CallContext.current();
    if (call == null) {
      return;
    }
    if (!enabled() || !op.conditionalRead()) {
      call.conditional(null);
      return;
    }
    String key = key(op, template, call.options());
    Entry entry = get(key);
    template.removeHeader("If-None-Match");
    if (entry != null) {
      template.replaceHeader("If-None-Match", entry.etag());
    }
    call.conditional(new Sent(this, key, entry));
  }

  private String key(OperationSpec op, AttemptRequest template, RequestOptions options) {
    StringBuilder k = new StringBuilder(256).append(op.operationId()).append('\n')
        .append(template.method()).append(' ').append(template.url()).append('\n')
        .append("scope=").append(options.scope()).append('\n')
        .append(new TreeMap<>(options.headers())).append('\n');
    byte[] body = template.body();
    if (body != null && body.length > 0) {
      k.append(canonicalBody(body, op));
    }
    return k.toString();
  }

  /** The body without the SDK's derived properties; a body that is not a JSON object is taken as it is. */
  private String canonicalBody(byte[] body, OperationSpec op) {
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree instanceof ObjectNode object) {
        object.remove(op.derivedJsonProperties());
        // field order is the encoder's, the same for equal requests; sorted anyway so the key is the content
        return mapper.writeValueAsString(new TreeMap<>(mapper.convertValue(object, Map.class)));
      }
    } catch (IOException | IllegalArgumentException notJson) {
      // fall through: the bytes themselves
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The transport, with the cache's answer side around it. */
  feign.Client client(feign.Client transport) {
    Objects.requireNonNull(transport, "transport");
    if (!enabled()) {
      return transport;
    }
    return (request, options) -> answer(request, transport.execute(request, options));
  }

  private Response answer(Request request, Response response) throws IOException {
    CallContext call = CallContext.current();
    Sent sent = call == null ? null : call.conditional();
    if (sent == null) {
      return response;
    }
    if (response.status() == 304) {
      response.close();
      if (sent.entry() == null) {
        throw new UnexpectedResponseException(ErrorDetails.builder(provider)
            .operationId(call.operation().operationId()).httpStatus(304)
            .providerMessage("the answer is 304 Not Modified but this request named no cached answer"
                + " (If-None-Match was not sent), so there is nothing to serve")
            .build(), null);
      }
      Map<String, Collection<String>> headers = new LinkedHashMap<>(sent.entry().headers());
      headers.keySet().removeIf(h -> h.equalsIgnoreCase("ETag") || h.equalsIgnoreCase("Content-Length"));
      headers.put("ETag", List.of(sent.entry().etag()));
      return response.toBuilder().status(200).reason("Not Modified (the cached answer of ETag "
              + sent.entry().etag() + ")")
          .headers(headers).body(sent.entry().body()).build();
    }
    String etag = header(response, "ETag");
    if (response.status() != 200 || etag == null || response.body() == null) {
      return response;
    }
    Integer length = response.body().length();
    if (length != null && length > MAX_ENTRY) {
      return response;
    }
    byte[] body;
    try (InputStream in = response.body().asInputStream()) {
      body = in.readNBytes(MAX_ENTRY + 1);
      if (body.length > MAX_ENTRY) {
        // too large to keep: hand on what was read and the rest, uncached
        byte[] rest = in.readAllBytes();
        byte[] all = java.util.Arrays.copyOf(body, body.length + rest.length);
        System.arraycopy(rest, 0, all, body.length, rest.length);
        return response.toBuilder().body(all).build();
      }
    }
    // kept only once the pipeline found the answer usable: a body cut short without an error (a connection
    // closed early on an answer without a length) must never become what every later 304 serves
    sent.answer = new Entry(etag, body, response.headers());
    return response.toBuilder().body(body).build();
  }

  /**
   * Called by {@link ResponseGuard} once the current attempt's answer passed every check (complete JSON, the
   * required fields, the typed result decoded): a 200 with an ETag is now kept.
   */
  static void accepted(CallContext call) {
    Sent sent = call == null ? null : call.conditional();
    if (sent != null && sent.answer != null) {
      sent.cache.put(sent.key, sent.answer);
      sent.answer = null;
    }
  }

  private static String header(Response response, String name) {
    for (Map.Entry<String, Collection<String>> h : response.headers().entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
        String v = h.getValue().iterator().next();
        return v == null || v.isBlank() ? null : v.trim();
      }
    }
    return null;
  }
}
