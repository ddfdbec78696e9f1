package dev.paykit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import feign.codec.EncodeException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Feign's transport on a pooled OkHttp client, bounded by the call's deadline. Per attempt:
 * <ul>
 *   <li>the OkHttp call's own timeout is set to what is left of the logical call's deadline
 *       ({@link CallContext#remainingNanos()}), so connecting, writing, waiting and reading the whole
 *       answer (including a body that drips one byte at a time) end by then; an attempt that would start
 *       after the deadline is not sent at all;
 *   <li>once OkHttp starts writing the request, the call is marked sent ({@link CallContext#markSent()}):
 *       from then on the provider may act on it, which decides whether a failure is an unknown outcome.
 * </ul>
 * OkHttp's own retries are off ({@link NoHiddenRetries}). Thread-safe; one per client.
 */
final class OkHttpTransport implements feign.Client {

  /** The listener that tells the current call that its request is being written. */
  static final EventListener.Factory SENT_MARKER = call -> new EventListener() {
    @Override
    public void requestHeadersStart(Call c) {
      CallContext context = CallContext.current();
      if (context != null) {
        context.markSent();
      }
    }
  };

  /** Thrown, before anything is sent, when the call's deadline has already passed. */
  static final class DeadlineExceeded extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    DeadlineExceeded() {
      super("the call's deadline passed before this attempt could be sent");
    }
  }

  /** How many distinct {@code Content-Type} values {@link #mediaType} keeps parsed. */
  static final int MEDIA_TYPES_KEPT = 64;

  /**
   * Parsed {@code Content-Type} values, shared by every client: a spec names a handful (a JSON, a form, a
   * multipart type with its boundary is not kept), and {@link MediaType#parse} is a regex match per call.
   */
  private static final Map<String, MediaType> MEDIA_TYPES = new ConcurrentHashMap<>();

  private final OkHttpClient client;
  private final String userAgent;

  /**
   * @param userAgent the {@code User-Agent} of a request that names none, set here (with a one-shot
   *     body) rather than by paykit's interceptors, so that OkHttp does not build each request twice;
   *     null to leave both to those interceptors, which run after the application's own: an
   *     application interceptor of the user's own client ({@code httpClient(...)}) then sees the request
   *     as it did before and a {@code User-Agent} it sets is the one sent, once
   */
  OkHttpTransport(OkHttpClient client, String userAgent) {
    this.client = client;
    this.userAgent = userAgent;
  }

  @Override
  public feign.Response execute(feign.Request request, feign.Request.Options options) throws IOException {
    Request built;
    try {
      built = toOkHttp(request, userAgent);
    } catch (IllegalArgumentException cannotBeSent) {
      // e.g. a header value with a line break or a non-ASCII character: nothing was written
      throw new EncodeException("request could not be built: " + cannotBeSent.getMessage(), cannotBeSent);
    }
    WatchdogHeartbeat.INSTANCE.touch(); // okio's watchdog is then not woken by this call's timeouts
    Call call = client.newCall(built);
    CallContext context = CallContext.current();
    if (context != null) {
      long remaining = context.remainingNanos();
      if (remaining <= 0) {
        throw new DeadlineExceeded();
      }
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      context.trackSending();
    }
    Response response = call.execute();
    if (context != null) {
      context.responseStatus(response.code());
    }
    return feign.Response.builder()
        .status(response.code())
        .reason(response.message())
        .headers(headers(response))
        .body(body(response.body()))
        .request(request)
        .build();
  }

  private Request toOkHttp(feign.Request input, String userAgent) {
    CallContext context = CallContext.current();
    HttpUrl known = url(input.url(), context == null ? null : context.constantUrl());
    Request.Builder b = known != null ? new Request.Builder().url(known) : new Request.Builder().url(input.url());
    MediaType type = null;
    boolean accept = false;
    boolean agent = false;
    for (Map.Entry<String, Collection<String>> h : input.headers().entrySet()) {
      String name = h.getKey();
      if (name.equalsIgnoreCase("Accept")) {
        accept = true;
      } else if (name.equalsIgnoreCase("User-Agent")) {
        agent = true;
      }
      for (String value : h.getValue()) {
        if (name.equalsIgnoreCase("Content-Type")) {
          type = mediaType(value); // carried by the body, not repeated as a header
        } else if (!name.equalsIgnoreCase("Content-Length")) {
          b.addHeader(name, value);      // OkHttp writes the length of the body it sends
        }
      }
    }
    if (!accept) {
      b.addHeader("Accept", "*/*");
    }
    if (!agent && userAgent != null) {
      b.addHeader("User-Agent", userAgent);
    }
    byte[] body = input.body();
    String method = input.httpMethod().name();
    if (body == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
      body = new byte[0];
    }
    // one-shot from the start (NoHiddenRetries' interceptor then has nothing to rebuild), unless the
    // interceptors finish the request (the user's own run first and see the body as it always was)
    RequestBody sent = body == null ? null : RequestBody.create(body, type);
    b.method(method, userAgent == null ? sent : NoHiddenRetries.oneShot(sent));
    return b.build();
  }

  /** How many of the methods' constant URLs a transport keeps parsed. */
  static final int CONSTANTS_KEPT = 256;

  /** The parsed constant URLs ({@link CallContext#constantUrl}) this transport sent to. */
  private final Map<String, HttpUrl> constants = new ConcurrentHashMap<>();

  /**
   * {@link #viaRoot} of the URL, kept when the URL is {@code constant} (a method's URL that is the same on
   * every call, so the set of them is bounded by the methods and base URLs): the same string parses to
   * the same, immutable {@code HttpUrl}. Null where {@link #viaRoot} is.
   */
  HttpUrl url(String url, String constant) {
    if (constant == null || !constant.equals(url)) {
      return viaRoot(url);
    }
    HttpUrl parsed = constants.get(url);
    if (parsed == null) {
      parsed = viaRoot(url);
      if (parsed != null && constants.size() < CONSTANTS_KEPT) { // racing callers may each add one: harmless
        constants.putIfAbsent(url, parsed);
      }
    }
    return parsed;
  }

  /** How many distinct {@code scheme://authority} roots a transport keeps parsed. */
  static final int ROOTS_KEPT = 16;

  /**
   * Parsed roots ({@code scheme://host:port}) of the URLs this transport sent to: a client calls one base
   * URL, and parsing its host (IDNA mapping, canonical form) is most of what parsing a URL costs.
   */
  private final Map<String, HttpUrl> roots = new ConcurrentHashMap<>();

  /**
   * The URL as {@code Request.Builder.url(String)} reads it, resolved against its parsed root
   * ({@code http[s]://authority}, no user info): OkHttp's parser copies the root's scheme, host and port for
   * the rest ({@code /path?query#fragment}) and parses that with the same code as in a whole URL, so the
   * result is the same {@code HttpUrl}. Null for any URL this does not cover (another scheme, such as the
   * {@code ws:} that the builder rewrites; user info; no path...): the builder then reads it whole.
   */
  HttpUrl viaRoot(String url) {
    int end = rootEnd(url);
    if (end > 0 && end + 1 < url.length() && url.charAt(end) == '/' && url.charAt(end + 1) != '/'
        && url.charAt(end + 1) != '\\') {
      String root = url.substring(0, end);
      HttpUrl parsed = roots.get(root);
      if (parsed == null) {
        parsed = HttpUrl.parse(root);
        if (parsed == null) {
          return null; // the builder's own exception
        }
        if (roots.size() < ROOTS_KEPT) { // racing callers may each add one past the bound: harmless
          roots.putIfAbsent(root, parsed);
        }
      }
      return parsed.resolve(url.substring(end)); // null: the builder's own exception
    }
    return null;
  }

  /**
   * Where the root of an {@code http://} or {@code https://} URL ends (the first {@code /}, {@code \},
   * {@code ?} or {@code #} after the authority), or -1 for any other URL: another scheme, user info, a
   * character OkHttp would trim or treat specially (whitespace, controls, non-ASCII), or no authority.
   */
  static int rootEnd(String url) {
    int start;
    if (url.startsWith("http://")) {
      start = 7;
    } else if (url.startsWith("https://")) {
      start = 8;
    } else {
      return -1;
    }
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '\\' || c == '?' || c == '#') {
        return i > start ? i : -1;
      }
      if (c <= ' ' || c >= 0x7f || c == '@' || c == '%') {
        return -1;
      }
    }
    return -1; // no path: parsed whole
  }

  /** How many roots are kept parsed (tests). */
  int rootsKept() {
    return roots.size();
  }

  int constantsKept() {
    return constants.size();
  }

  /**
   * {@link MediaType#parse}, kept for at most {@link #MEDIA_TYPES_KEPT} values; a multipart type (a fresh
   * boundary per request) is never kept. A value that does not parse is null, as {@code parse} gives.
   */
  static MediaType mediaType(String value) {
    MediaType known = MEDIA_TYPES.get(value);
    if (known != null) {
      return known;
    }
    MediaType parsed = MediaType.parse(value);
    // racing callers may each add one past the bound: harmless, it only stops the cache growing
    if (parsed != null && MEDIA_TYPES.size() < MEDIA_TYPES_KEPT && !parsed.type().equals("multipart")) {
      MEDIA_TYPES.putIfAbsent(value, parsed);
    }
    return parsed;
  }

  /** How many {@code Content-Type} values are kept parsed (tests). */
  static int mediaTypesKept() {
    return MEDIA_TYPES.size();
  }

  /** Forgets every kept value (tests: the cache is shared by the JVM). */
  static void forgetMediaTypes() {
    MEDIA_TYPES.clear();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  /**
   * The answer's headers for Feign's response, which copies them into its own case-insensitive map (merging
   * repeated names, in order): a view of one entry per header line, read once by that copy, instead of
   * OkHttp's {@code toMultimap} copy made only to be copied again.
   */
  static Map<String, Collection<String>> headers(Response response) {
    okhttp3.Headers headers = response.headers();
    return new java.util.AbstractMap<>() {
      @Override
      public java.util.Set<Map.Entry<String, Collection<String>>> entrySet() {
        return new java.util.AbstractSet<>() {
          @Override
          public int size() {
            return headers.size();
          }

          @Override
          public java.util.Iterator<Map.Entry<String, Collection<String>>> iterator() {
            return new java.util.Iterator<>() {
              private int next;

              @Override
              public boolean hasNext() {
                return next < headers.size();
              }

              @Override
              public Map.Entry<String, Collection<String>> next() {
                if (next >= headers.size()) {
                  throw new java.util.NoSuchElementException();
                }
                int i = next++;
                return Map.entry(headers.name(i), List.of(headers.value(i)));
              }
            };
          }
        };
      }
    };
  }

  private static feign.Response.Body body(ResponseBody input) {
    if (input == null) {
      return null;
    }
    long length = input.contentLength();
    if (length == 0) {
      input.close();
      return null; // as feign-okhttp: no body rather than an empty one
    }
    Integer known = length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null;
    return new Streamed(input, known);
  }

  /**
   * The answer's body as it arrives, until {@link ResponseGuard} has read it whole ({@link #buffered}):
   * from then on it is that in-memory body, so the guard hands the same answer on instead of building a
   * copy of it (and of its headers) around the bytes. One call's, one thread's.
   */
  static final class Streamed implements feign.Response.Body {
    private final ResponseBody input;
    private final Integer known;
    private ResponseGuard.InMemoryBody buffered;

    Streamed(ResponseBody input, Integer known) {
      this.input = input;
      this.known = known;
    }

    /** From now on this body is {@code body}: the bytes that were read from it. */
    void buffered(ResponseGuard.InMemoryBody body) {
      this.buffered = body;
    }

    /** The in-memory body this became, or null while it streams. */
    ResponseGuard.InMemoryBody buffered() {
      return buffered;
    }

    @Override
    public Integer length() {
      return buffered != null ? buffered.length() : known;
    }

    @Override
    public boolean isRepeatable() {
      return buffered != null;
    }

    @Override
    public InputStream asInputStream() throws IOException {
      return buffered != null ? buffered.asInputStream() : input.byteStream();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Reader asReader() throws IOException {
      return buffered != null ? buffered.asReader() : input.charStream();
    }

    @Override
    public Reader asReader(java.nio.charset.Charset charset) throws IOException {
      return buffered != null ? buffered.asReader(charset)
          : new java.io.InputStreamReader(input.byteStream(), charset);
    }

    @Override
    public void close() {
      input.close(); // once buffered, already closed by the guard's read: closing again does nothing
    }

    @Override
    public String toString() {
      return buffered != null ? buffered.toString() : super.toString();
    }
  }
}
