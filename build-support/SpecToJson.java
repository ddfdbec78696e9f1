import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (run by generated-client's pom with Java's single-file launcher): converts every
 * {@code specs/<provider>/openapi.yaml} to {@code <out>/<provider>/openapi.json}, keeping every key
 * ({@code x-paykit-*} included) and every number as written. The runtime reads the JSON, so no YAML
 * parser is on users' class path. Usage: {@code java -cp <jackson> SpecToJson.java <specs> <out>}.
 */
public final class SpecToJson {

  public static void main(String[] args) throws IOException {
    Path specs = Path.of(args[0]);
    Path out = Path.of(args[1]);
    // numbers stay the decimals written in the spec (a maximum of 999999999999.99, a multipleOf of 1E-8)
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    ObjectMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    int n = 0;
    try (DirectoryStream<Path> providers = Files.newDirectoryStream(specs, Files::isDirectory)) {
      for (Path provider : providers) {
        Path source = provider.resolve("openapi.yaml");
        if (!Files.exists(source)) {
          continue;
        }
        JsonNode tree = yaml.readTree(source.toFile());
        if (tree == null || !tree.isObject() || !tree.has("openapi")) {
          throw new IllegalStateException(source + " is not an OpenAPI document");
        }
        Path target = out.resolve(provider.getFileName().toString()).resolve("openapi.json");
        Files.createDirectories(target.getParent());
        json.writeValue(target.toFile(), tree);
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalStateException("no specs under " + specs.toAbsolutePath());
    }
  }
}
