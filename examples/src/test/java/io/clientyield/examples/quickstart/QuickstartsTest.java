package io.clientyield.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Runs each quickstart program and checks a few key numbers of its output against the worked
 * numbers of the domain specification (DOMAIN.md) or the library's documented examples.
 */
class QuickstartsTest {

  /** Runs a {@code main} with {@code System.out} captured and returns what it printed. */
  private static String run(Consumer<String[]> main) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      main.accept(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    original.print(out); // keep the output visible in the build log
    return out;
  }

  @Test
  void coreQuickstartPrintsExactMoneyIntervalWorkingDaysAndAWonRun() {
    String out = run(CoreQuickstart::main);
    // EUR 100 000.00 split 1:1:1 loses no cent (README "A taste of core")
    assertThat(out).contains("[EUR 33333.34, EUR 33333.33, EUR 33333.33] (sum EUR 100000.00)");
    assertThat(out).contains("EUR 0.30");
    // DOMAIN 2.3: 3 contracts of 100 clients = 3 %; Wilson 95 % interval [0.0103, 0.0845]
    assertThat(out).contains("3 of 100 = 3.0 %, 95 % Wilson [0.0103, 0.0845]");
    // Friday 2026-11-20 + 2 working days = Tuesday 2026-11-24; December 2026 has 23 weekdays,
    // minus Christmas
    assertThat(out).contains("2026-11-20: 2026-11-24");
    assertThat(out).contains("Working days in Dec:  22");
    assertThat(out).contains("[contact, presentation, negotiation, contract]");
    assertThat(out).contains("label (paid) must be one of [signed, withdrawn]");
    assertThat(out).contains("Run outcome:          WON after 6 transitions");
    assertThat(out).contains("\"scenarioId\":\"exhibition\"").contains("\"outcome\":{\"kind\":\"WON\"}");
    assertThat(out).contains("Restored equals run:  true");
    assertThat(out).contains("stateDiagram-v2").contains("s4 --> s2 : answered");
  }
}
