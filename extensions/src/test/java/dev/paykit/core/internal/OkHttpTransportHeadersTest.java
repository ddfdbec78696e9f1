package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer's headers reach Feign's response exactly as through OkHttp's {@code toMultimap}: the same
 * names (case-insensitive, repeated ones merged), the same values in the same order, the same iteration.
 */
class OkHttpTransportHeadersTest {

  @Test
  void theViewGivesFeignWhatToMultimapGives() {
    List<String[]> cases = List.of(
        new String[] {},
        new String[] {"Content-Type", "application/json"},
        new String[] {"Set-Cookie", "a=1", "X-Id", "7", "set-cookie", "b=2", "SET-COOKIE", "c=3", "Date", "x"},
        new String[] {"ETag", "\"v1\"", "etag", "\"v2\"", "Retry-After", "3", "X-Empty", "", "x-Unicode", "\u00e4"});
    for (String[] pairs : cases) {
      okhttp3.Headers.Builder headers = new okhttp3.Headers.Builder();
      for (int i = 0; i < pairs.length; i += 2) {
        headers.addUnsafeNonAscii(pairs[i], pairs[i + 1]);
      }
      okhttp3.Response answer = new okhttp3.Response.Builder()
          .request(new okhttp3.Request.Builder().url("http://127.0.0.1/x").build())
          .protocol(okhttp3.Protocol.HTTP_1_1).code(200).message("OK").headers(headers.build()).build();
      @SuppressWarnings({"unchecked", "rawtypes"})
      Map<String, Collection<String>> viaMultimap = feign((Map) answer.headers().toMultimap());
      Map<String, Collection<String>> viaView = feign(OkHttpTransport.headers(answer));
      assertThat(describe(viaView)).isEqualTo(describe(viaMultimap));
      for (String name : viaMultimap.keySet()) {
        assertThat(viaView.get(name.toUpperCase(java.util.Locale.ROOT))).containsExactlyElementsOf(viaMultimap.get(name));
      }
    }
  }

  private static Map<String, Collection<String>> feign(Map<String, Collection<String>> headers) {
    return feign.Response.builder().status(200).reason("OK").headers(headers)
        .request(feign.Request.create(feign.Request.HttpMethod.GET, "http://127.0.0.1/x", Map.of(), null,
            StandardCharsets.UTF_8, null))
        .build().headers();
  }

  private static List<String> describe(Map<String, Collection<String>> headers) {
    List<String> out = new ArrayList<>();
    headers.forEach((name, values) -> out.add(name + "=" + new ArrayList<>(values)));
    return out;
  }
}
