package dev.paykit.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import dev.paykit.core.Violation;
import dev.paykit.core.internal.PaykitJson;
import dev.paykit.core.internal.spec.ApiSpec;
import dev.paykit.core.internal.spec.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What validating one request costs with paykit's {@link SchemaValidator} and with networknt's
 * {@code json-schema-validator} 3.0.x (see {@link NetworkntValidators}), on the shipped specs: a Prunny
 * inter-bank transfer body (valid, and with three violations) and a Prompt.Cash create-payment form.
 *
 * <ul>
 *   <li>{@code *Ours}: paykit's validator on the Jackson 2 tree the pipeline builds;</li>
 *   <li>{@code *Networknt}: networknt on a Jackson 3 tree built beforehand (its validation cost alone);</li>
 *   <li>{@code *NetworkntFromPaykitTree}: the same plus handing the pipeline's Jackson 2 tree over
 *       (write, read as Jackson 3), which a paykit built on networknt would pay on every call;</li>
 *   <li>{@code build*}: parse the spec's JSON, set the validator up, validate one transfer: the cost of a
 *       first call (networknt compiles the schema, paykit's validator compiles patterns lazily).</li>
 * </ul>
 * Read the results as ratios within one run; run with {@code -prof gc} for the bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidatorBenchmark {

  static final String TRANSFER_SCHEMA = "/components/schemas/InterBankTransferRequest";
  static final String PAYMENT_FORM_SCHEMA =
      "/paths/~1create-payment/post/requestBody/content/application~1x-www-form-urlencoded/schema";

  static final String TRANSFER = """
      {"amount": 250000.00, "channel": "mobile", "currency": "NGN", "destinationAccount": "1010119934",
       "destinationBankCode": "000013", "destinationBankName": "Guaranty Trust Bank",
       "destinationAccountName": "Ada Obi", "destinationNarration": "Invoice 2025-118",
       "referenceId": "ABCD12345678901234567890", "sourceAccount": "2020229934", "sourceAccountName": "Acme Ltd",
       "sourceAmount": 250000.00, "sourceCurrency": "NGN", "sourceNarration": "Invoice 2025-118 to Ada Obi",
       "transactionDate": "2025-11-21T10:00:00.123+01:00",
       "statusWebHook": "https://merchant.example/status/ABCD12345678901234567890/"}""";
  static final String INVALID_TRANSFER = TRANSFER
      .replace("\"1010119934\"", "\"10101199\"")
      .replace("250000.00, \"channel\"", "250000.005, \"channel\"")
      .replace("\"referenceId\": \"ABCD12345678901234567890\", ", "");
  static final String PAYMENT_FORM = """
      {"token": "1-bench", "tx_id": "order-2025-0001", "amount": 25.00, "currency": "USD", "desc": "Blue shirt",
       "callback": "https://shop.example/paid", "return": "https://shop.example/thanks", "expiration": 30,
       "confirm": 0, "time": 1763719200}""";

  private static final ObjectMapper SPEC_JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final ObjectMapper mapper = PaykitJson.newMapper();

  private String prunnyJson;
  private SchemaValidator prunny;
  private SchemaValidator promptCash;
  private JsonNode transferSchema;
  private JsonNode paymentFormSchema;
  private Schema transferSchemaNetworknt;
  private Schema paymentFormSchemaNetworknt;

  private JsonNode transfer;
  private JsonNode invalidTransfer;
  private JsonNode paymentForm;
  private tools.jackson.databind.JsonNode transfer3;
  private tools.jackson.databind.JsonNode invalidTransfer3;
  private tools.jackson.databind.JsonNode paymentForm3;

  @Setup
  public void setUp() throws IOException {
    ApiSpec prunnySpec = ApiSpec.load("prunny");
    ApiSpec promptCashSpec = ApiSpec.load("promptcash");
    prunny = prunnySpec.validator();
    promptCash = promptCashSpec.validator();
    transferSchema = prunnySpec.operation("interBankTransfer").jsonBodySchema().orElseThrow();
    paymentFormSchema = promptCashSpec.root().at(PAYMENT_FORM_SCHEMA);
    prunnyJson = specJson("prunny");
    transferSchemaNetworknt = new NetworkntValidators(prunnyJson).schemaAt(TRANSFER_SCHEMA);
    paymentFormSchemaNetworknt = new NetworkntValidators(specJson("promptcash")).schemaAt(PAYMENT_FORM_SCHEMA);

    transfer = mapper.readTree(TRANSFER);
    invalidTransfer = mapper.readTree(INVALID_TRANSFER);
    paymentForm = mapper.readTree(PAYMENT_FORM);
    transfer3 = NetworkntValidators.tree(TRANSFER);
    invalidTransfer3 = NetworkntValidators.tree(INVALID_TRANSFER);
    paymentForm3 = NetworkntValidators.tree(PAYMENT_FORM);
    check();
  }

  /** Both validators must judge the three requests alike, or the comparison means nothing. */
  private void check() {
    int[] ours = {transferOurs().size(), invalidTransferOurs().size(), paymentFormOurs().size()};
    int[] theirs = {transferNetworknt().size(), invalidTransferNetworknt().size(), paymentFormNetworknt().size()};
    if (ours[0] != 0 || ours[1] != 3 || ours[2] != 0 || theirs[0] != 0 || theirs[1] != 3 || theirs[2] != 0) {
      throw new IllegalStateException("validators disagree: paykit " + java.util.Arrays.toString(ours)
          + ", networknt " + java.util.Arrays.toString(theirs));
    }
  }

  static String specJson(String provider) {
    String resource = "dev/paykit/specs/" + provider + "/openapi.json";
    try (InputStream in = ValidatorBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("not on the class path: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Violation> validate(SchemaValidator validator, JsonNode value, JsonNode schema) {
    List<Violation> out = new ArrayList<>();
    validator.validate("", value, schema, out);
    return out;
  }

  @Benchmark
  public List<Violation> transferOurs() {
    return validate(prunny, transfer, transferSchema);
  }

  @Benchmark
  public List<com.networknt.schema.Error> transferNetworknt() {
    return transferSchemaNetworknt.validate(transfer3);
  }

  @Benchmark
  public List<com.networknt.schema.Error> transferNetworkntFromPaykitTree() throws IOException {
    return transferSchemaNetworknt.validate(NetworkntValidators.tree(mapper.writeValueAsBytes(transfer)));
  }

  @Benchmark
  public List<Violation> invalidTransferOurs() {
    return validate(prunny, invalidTransfer, transferSchema);
  }

  @Benchmark
  public List<com.networknt.schema.Error> invalidTransferNetworknt() {
    return transferSchemaNetworknt.validate(invalidTransfer3);
  }

  @Benchmark
  public List<Violation> paymentFormOurs() {
    return validate(promptCash, paymentForm, paymentFormSchema);
  }

  @Benchmark
  public List<com.networknt.schema.Error> paymentFormNetworknt() {
    return paymentFormSchemaNetworknt.validate(paymentForm3);
  }

  @Benchmark
  public List<com.networknt.schema.Error> paymentFormNetworkntFromPaykitTree() throws IOException {
    return paymentFormSchemaNetworknt.validate(NetworkntValidators.tree(mapper.writeValueAsBytes(paymentForm)));
  }

  @Benchmark
  public List<Violation> buildOurs() throws IOException {
    JsonNode root = SPEC_JSON.readTree(prunnyJson);
    return validate(new SchemaValidator(root), transfer, root.at(TRANSFER_SCHEMA));
  }

  @Benchmark
  public List<com.networknt.schema.Error> buildNetworknt() {
    return new NetworkntValidators(prunnyJson).schemaAt(TRANSFER_SCHEMA).validate(transfer3);
  }
}
