package dev.paykit.core.internal.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;

/**
 * The only class that names the YAML module ({@code jackson-dataformat-yaml}, not on users' class
 * path): loaded only when a YAML spec is parsed (tools, tests), never while a client is built from the
 * shipped JSON. Kept apart from {@link ApiSpec} because the JVM loads the classes a method passes as
 * arguments when it verifies the class that holds the method.
 */
final class YamlSpecs {

  private YamlSpecs() {}

  static JsonNode read(InputStream yaml) throws IOException {
    return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(yaml);
  }
}
