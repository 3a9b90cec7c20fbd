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

  @Test
  void funnelQuickstartReproducesTheDomainFunnelManagersProbabilitiesAndLeadEconomics() {
    String out = run(FunnelQuickstart::main);
    // DOMAIN 2.1: 100 -> 80 -> 1; the weakest step is presentation -> proposal (79 of 80 lost)
    assertThat(out).contains("contact       entered 100  passed  80  refused 20");
    assertThat(out).contains("presentation  entered  80  passed   1  refused 79  reasons [price=60, timing=19]");
    assertThat(out).contains("Weakest by loss:       presentation -> proposal, lost 79");
    assertThat(out).contains("Weakest by conversion: presentation -> proposal, 1/80");
    // DOMAIN 2.2/2.3: 15 % vs 3 %; the 3 % manager loses at the proposal (flagged) but brings
    // more money: 3 x 80 000 of 97 x 10 000 + 3 x 80 000 = 240 000 / 1 210 000 = 19.8 %
    assertThat(out).containsPattern("anna   won 15 of 100 = 15.0 %, financial 15.0 % \\(won EUR 150000.00\\); "
        + "proposal 15/30 \\[[0-9.]+, [0-9.]+\\]\\R");
    assertThat(out).contains("boris  won  3 of 100 =  3.0 %, financial 19.8 % (won EUR 240000.00); proposal 3/30");
    assertThat(out).containsPattern("proposal 3/30 .*FLAGGED");
    // Laplace: (18 + 1) / (200 + 2), (18 + 1) / (120 + 2), (18 + 1) / (60 + 2)
    assertThat(out).contains("P(win | contact     ) = 0.0941 from 18/200");
    assertThat(out).contains("P(win | presentation) = 0.1557 from 18/120");
    assertThat(out).contains("P(win | proposal    ) = 0.3065 from 18/60");
    // 50 000 x 19/62 + 20 000 x 19/122 + 10 000 x 19/202 = 15 322.58 + 3 114.75 + 940.59
    assertThat(out).contains("Weighted pipeline:     EUR 19377.93 of EUR 80000.00");
    // DOMAIN 3: 1.2 and 6 contracts (5x); 4 562.5 visits, 45.6 leads, 2.28 contracts a year;
    // optimised: 228.1 leads and 22.8 (22.8125) contracts
    assertThat(out).contains("60 leads at 2 % -> 1.2 contracts; 120 at 5 % -> 6.0 (5x)");
    assertThat(out).contains("4562.5 visits, 45.6 leads, 2.28 contracts a year");
    assertThat(out).contains("4562.5 visits, 228.1 leads, 22.81 contracts a year");
    // CPL = 800 / 40, CAC = 800 / 4, ROMI = (2 000 x 0.5 - 800) / 800 = 25 %
    assertThat(out).contains("CPL EUR 20.00, CAC EUR 200.00, ROMI 25 %, break-even CPL EUR 25.00");
  }
}
