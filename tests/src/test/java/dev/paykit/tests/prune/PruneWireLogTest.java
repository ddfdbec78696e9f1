package dev.paykit.tests.prune;

import static dev.paykit.sandbox.prune.PruneSimulator.IBAN_EUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paykit.prune.Document;
import dev.paykit.prune.PruneClient;
import dev.paykit.prune.model.IdType;
import dev.paykit.prune.model.PoaType;
import dev.paykit.sandbox.prune.PruneSimulator;
import dev.paykit.tests.support.WireLog;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The optional wire log shows Prune's requests and answers, never the key and never a document's
 * contents: a multipart body is logged as binary data, whatever its documents hold.
 */
class PruneWireLogTest extends PruneSandboxTestBase {

  private static final String MARKER = "DOCUMENT-CONTENT-7f3a-do-not-log";

  @RegisterExtension
  final WireLog wireLog = new WireLog("prune");

  /** A PNG whose bytes after the signature are readable text that must not appear in the log. */
  private static Document marked(String name, int seed) {
    byte[] png = PruneFixtures.png(600, seed);
    byte[] text = (MARKER + " " + name).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, png, 16, text.length);
    return Document.of(png, name, "image/png");
  }

  @Test
  void documentsAndTheKeyNeverReachTheWireLog() {
    PruneClient logging = clientBuilder().wireLogging(true).build();

    String requestId = logging.accountRequests().requestIndividual(PruneFixtures.individual()
        .id(IdType.IDENTITY_CARD, marked("front.png", 1), marked("back.png", 2))
        .proofOfAddress(PoaType.UTILITY_BILL, marked("bill.png", 3)).build()).getId();
    logging.accountRequests().get(requestId);
    logging.transfers().send(PruneFixtures.transfer(IBAN_EUR, "inv-log", "12.00"));

    String log = wireLog.text();
    assertThat(log).contains("POST " + sim.baseUrl() + "/v1/accounts/request-account", "Binary data",
        "HTTP/1.1 201", "POST " + sim.baseUrl() + "/v1/accounts/send", "\"reference\":\"inv-log\"",
        "Authorization: [REDACTED]");
    assertThat(log).doesNotContain(MARKER, PruneSimulator.TEST_KEY, "PNG");
  }

  @Test
  void theWireLogIsOffByDefault() {
    client.accounts().balance(PruneSimulator.ACCOUNT_EUR);

    assertThat(wireLog.isEmpty()).isTrue();
  }
}
