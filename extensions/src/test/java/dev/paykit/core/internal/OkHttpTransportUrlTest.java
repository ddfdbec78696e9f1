package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The transport's URL parsing (the rest of a URL resolved against its parsed root) gives what OkHttp's
 * {@code Request.Builder.url(String)} gives, or leaves the URL to it, for URLs built from the characters
 * that make OkHttp's parser branch: dot segments, backslashes, percent-escapes (complete or not), {@code +},
 * spaces, non-ASCII, user info, ports, IPv6 and IDN hosts, {@code ws:}, queries and fragments.
 */
class OkHttpTransportUrlTest {

  private static final String[] ROOTS = {
      "http://127.0.0.1:8080", "https://api.example.com", "HTTP://Example.COM:80", "https://b\u00fccher.example",
      "http://[::1]:9", "http://user:pw@host", "http://host:99999", "http://ho st", "https://xn--bcher-kva.example",
      "http://h", "ws://h", "wss://h", "WS://h", "http://", "http://h%41", "http://h.", "http://[::FFFF:1.2.3.4]:80",
      "http://h:0", "http://h:65536", "http://h:", "http://1.2.3", "http://0x7f.1", "http://h_h", "http://*",
      "http://[::1", "http://h:8080:80"};

  private static final String[] PIECES = {
      "/", "a", "b%2F", "%2e", ".", "..", "%2E%2E", "\\", "//", "?", "&", "=", "#", "+", " ", "%", "%4", "%41",
      "caf\u00e9", "\ud83d\ude00", "~", ";", ",", "@", ":", "[", "]", "{", "}", "|", "^", "`", "\"", "'", "\t", "\n"};

  @Test
  void resolvingAgainstAKnownRootIsParsingTheWholeUrl() {
    OkHttpTransport transport = new OkHttpTransport(new OkHttpClient(), "ua");
    Random random = new Random(20261203L);
    List<String> urls = new ArrayList<>();
    for (String root : ROOTS) {
      urls.add(root);
      urls.add(root + "/");
      urls.add(root + "/base/v1/payments/order-1?force=true&x=a%20b+c#f");
      for (int i = 0; i < 400; i++) {
        StringBuilder url = new StringBuilder(root).append('/');
        int n = 1 + random.nextInt(12);
        for (int p = 0; p < n; p++) {
          url.append(PIECES[random.nextInt(PIECES.length)]);
        }
        urls.add(url.toString());
      }
    }
    urls.add("http://h/" + "a".repeat(70_000));
    urls.add("http://h/a?" + "b".repeat(70_000));
    int fast = 0;
    for (String url : urls) {
      String builder = outcome(() -> new okhttp3.Request.Builder().url(url).build().url());
      for (int repeat = 0; repeat < 2; repeat++) { // the second time, the root is known
        HttpUrl viaRoot = transport.viaRoot(url);
        if (viaRoot != null) { // else the transport hands the URL to the builder itself
          assertThat(outcome(() -> viaRoot)).as(url).isEqualTo(builder);
        }
      }
      if (transport.viaRoot(url) != null) {
        fast++;
      }
    }
    assertThat(fast).as("URLs that took the known-root path").isGreaterThan(urls.size() / 3);
    assertThat(transport.rootsKept()).isBetween(1, OkHttpTransport.ROOTS_KEPT);
  }

  private interface Parse {
    HttpUrl run();
  }

  /** A method's constant URL is parsed once and kept; any other URL, or a mark naming another, is not. */
  @Test
  void aConstantUrlIsParsedOnceAndOnlyItIsKept() {
    OkHttpTransport transport = new OkHttpTransport(new OkHttpClient(), "ua");
    String url = "http://127.0.0.1:8080/v1/transactions/singletransferwithbank";
    HttpUrl first = transport.url(url, url);
    assertThat(first).isEqualTo(HttpUrl.get(url));
    assertThat(transport.url(new String(url), url)).isSameAs(first); // equal text, the kept parse
    assertThat(transport.constantsKept()).isEqualTo(1);
    // not marked, or marked with another URL: parsed as it is, nothing kept
    String other = "http://127.0.0.1:8080/v1/accounts/1010119934?x=%20y";
    assertThat(transport.url(other, null)).isEqualTo(HttpUrl.get(other)).isNotSameAs(transport.url(other, null));
    assertThat(transport.url(other, url)).isEqualTo(HttpUrl.get(other));
    assertThat(transport.constantsKept()).isEqualTo(1);
    // a URL the transport leaves to the builder stays so, marked or not
    assertThat(transport.url("ws://127.0.0.1:8080/a", "ws://127.0.0.1:8080/a")).isNull();
    for (int i = 0; i < OkHttpTransport.CONSTANTS_KEPT + 10; i++) {
      String many = "http://127.0.0.1:8080/op" + i;
      assertThat(transport.url(many, many)).isEqualTo(HttpUrl.get(many));
    }
    assertThat(transport.constantsKept()).isEqualTo(OkHttpTransport.CONSTANTS_KEPT);
  }

  private static String outcome(Parse parse) {
    try {
      HttpUrl url = parse.run();
      return url + " " + url.encodedPathSegments() + " " + url.encodedQuery() + " " + url.encodedFragment()
          + " " + url.host() + " " + url.port();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
