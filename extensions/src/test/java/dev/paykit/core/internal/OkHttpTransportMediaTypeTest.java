package dev.paykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

/** The transport's parsed {@code Content-Type} values: what {@link MediaType#parse} gives, bounded, multipart never kept. */
class OkHttpTransportMediaTypeTest {

  @org.junit.jupiter.api.BeforeEach
  @org.junit.jupiter.api.AfterEach
  void forget() {
    OkHttpTransport.forgetMediaTypes(); // shared by the JVM: every test starts and leaves it empty
  }

  @Test
  void givesWhatParseGivesAndKeepsTheSameInstance() {
    for (String value : new String[] {"application/json", "application/json; charset=UTF-8",
        "application/x-www-form-urlencoded", "APPLICATION/JSON", "text/plain;charset=ISO-8859-1"}) {
      MediaType kept = OkHttpTransport.mediaType(value);
      assertThat(kept).isEqualTo(MediaType.parse(value));
      assertThat(kept.charset()).isEqualTo(MediaType.parse(value).charset());
      assertThat(OkHttpTransport.mediaType(value)).isSameAs(kept);
    }
  }

  @Test
  void aValueThatDoesNotParseIsNullAndIsNotKept() {
    int before = OkHttpTransport.mediaTypesKept();
    assertThat(OkHttpTransport.mediaType("not a media type")).isNull();
    assertThat(OkHttpTransport.mediaType("")).isNull();
    assertThat(OkHttpTransport.mediaTypesKept()).isEqualTo(before);
  }

  @Test
  void multipartTypesWithTheirFreshBoundariesAreNeverKeptAndTheCacheIsBounded() {
    for (int i = 0; i < 500; i++) {
      String multipart = "multipart/form-data; boundary=b" + i;
      assertThat(OkHttpTransport.mediaType(multipart)).isEqualTo(MediaType.parse(multipart));
      String other = "application/vnd.paykit-" + i + "+json";
      assertThat(OkHttpTransport.mediaType(other)).isEqualTo(MediaType.parse(other));
    }
    assertThat(OkHttpTransport.mediaTypesKept()).isLessThanOrEqualTo(OkHttpTransport.MEDIA_TYPES_KEPT);
  }
}
