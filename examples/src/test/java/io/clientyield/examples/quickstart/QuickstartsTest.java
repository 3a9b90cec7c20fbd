package io.clientyield.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
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
    assertThat(out).contains("Working days 12/2026: 22");
    assertThat(out).contains("[contact, presentation, negotiation, contract]");
    assertThat(out).contains("label (paid) must be one of [signed, withdrawn]");
    assertThat(out).contains("Run outcome:          WON after 6 transitions");
    assertThat(out).contains("\"scenarioId\":\"exhibition\"")
        .contains("\"outcome\":{\"kind\":\"WON\"}");
    assertThat(out).contains("Restored equals run:  true");
    assertThat(out).contains("stateDiagram-v2").contains("remind --> negotiate : answered");
  }

  @Test
  void funnelQuickstartReproducesTheDomainFunnelManagersProbabilitiesAndLeadEconomics() {
    String out = run(FunnelQuickstart::main);
    // DOMAIN 2.1: 100 -> 80 -> 1; the weakest step is presentation -> proposal (79 of 80 lost)
    assertThat(out).contains("contact       entered 100  passed  80  refused 20");
    assertThat(out).contains("presentation  entered  80  passed   1  refused 79  reasons "
        + "[price=60, timing=19]");
    assertThat(out).contains("Weakest by loss:       presentation -> proposal, lost 79");
    assertThat(out).contains("Weakest by conversion: presentation -> proposal, 1/80");
    // DOMAIN 2.2/2.3: 15 % vs 3 %; the 3 % manager loses at the proposal (flagged) but brings
    // more money: 3 x 80 000 of 97 x 10 000 + 3 x 80 000 = 240 000 / 1 210 000 = 19.8 %
    // Wilson 95 %: 15/30 -> 0.5 -+ 0.1685; 3/30 -> 0.1454 -+ 0.1108; only boris's cell is flagged
    assertThat(out).contains("anna   won 15 of 100 = 15.0 %, financial 15.0 % (won EUR 150000.00); "
        + "proposal 15/30 [0.332, 0.668]" + System.lineSeparator());
    assertThat(out).contains("boris  won  3 of 100 =  3.0 %, financial 19.8 % (won EUR 240000.00); "
        + "proposal 3/30 [0.035, 0.256]  FLAGGED");
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

  @Test
  void profitabilityQuickstartComputesProjectsPricingLeversRoiRatingsAndMatrix() {
    String out = run(ProfitabilityQuickstart::main);
    // DOMAIN 4.1: cost = 10 h x 50 + 200 = 700, revenue = 10 h x 120 = 1 200; margin = 500 / 1 200,
    // markup = 500 / 700, both named
    assertThat(out).contains("revenue EUR 1200.00, cost EUR 700.00, profit EUR 500.00, margin 41.7 "
        + "%, markup 71.4 %, EUR 120.00/h");
    // fixed fee 1 000; cost 5 h x 50 + 7.5 h x 20 = 400; 1 000 / 12.5 h = 80 an hour
    assertThat(out).contains("revenue EUR 1000.00, cost EUR 400.00, profit EUR 600.00, margin 60.0 "
        + "%, markup 150.0 %, EUR 80.00/h");
    // client: 2 200 - 1 100 = 1 100, margin 50 %, 1 100 / 30 contacts = 36.67
    assertThat(out).contains("Client acme: profit EUR 1100.00, margin 50 %, cost per contact EUR "
        + "36.67 (30 contacts)");
    // DOMAIN 4.2: 10 000 / 160 h = 62.50; billable 50 % -> 125.00; 125 / (1 - 0.2) = 156.25
    assertThat(out).contains("cost EUR 62.50 at 100 % utilization, EUR 125.00 at 50 %; price for a "
        + "20 % margin EUR 156.25");
    // DOMAIN 4.3: 0.25 x 100 000 x 4 = 100 000; +1 % margin 101 000;
    // +1 % fees: (300 000 + 12 000) / 3 = 104 000
    assertThat(out).contains("margin 0.25 x productivity EUR 100000.00 x leverage 4 = EUR "
        + "100000.00 per partner");
    assertThat(out).contains("+1 % margin EUR 101000.00, +1 % fees EUR 104000.00");
    // DOMAIN 4.4: 1 000 000 x 0.2 + 50 000 = 250 000; (250 000 - 100 000) / 100 000 = 150 %;
    // 4 x 30 000 >= 100 000; TCO 100 000 of which the price is 60 %
    assertThat(out).contains("benefit EUR 250000.00, ROI 150 %, payback in month 4; TCO EUR "
        + "100000.00, purchase 60 % of it");
    // DOMAIN 4.5: acme 10 + 10 + 5, beta 1 + 8, gamma 0 + 3
    assertThat(out).contains("Rank 1 acme   composite 25 = status 20 + campaign 0 + personal 5");
    assertThat(out).contains("Rank 2 beta   composite  9 = status 1 + campaign 8 + personal 0");
    assertThat(out).contains("Rank 3 gamma  composite  3 = status 0 + campaign 0 + personal 3");
    // DOMAIN 4.6: acme (2 x 1 + 0.15) / 3 = 0.72 HIGH, (0.8 + 1) / 2 = 0.90 STRONG;
    // beta (2 x 0.1 + 1) / 3 = 0.40 MEDIUM, (0.2 + 6/22) / 2 = 0.24 WEAK;
    // gamma (2 x 0.2 + 0) / 3 = 0.13 LOW, (0.1 + 0) / 2 = 0.05 WEAK
    assertThat(out).contains("acme   attractiveness 0.72 HIGH   relationship 0.90 STRONG -> "
        + "invest: strengthen");
    assertThat(out).contains("beta   attractiveness 0.40 MEDIUM relationship 0.24 WEAK   -> invest "
        + "selectively");
    assertThat(out).contains("gamma  attractiveness 0.13 LOW    relationship 0.05 WEAK   -> "
        + "protect revenue");
    assertThat(out).contains("consider ending the relationship");
  }

  /** October's open deals of ForecastingQuickstart in millions of EUR, and their win chances. */
  private static final int[] OCTOBER_MILLIONS = {25, 40, 30, 50, 20, 10};
  private static final double[] OCTOBER_P = {0.99, 0.80, 0.25, 0.25, 0.10, 0.05};

  /** P(won revenue = x millions), by plain dynamic programming over the deals, plus extra leads. */
  private static double[] wonMillions(int leads, int leadMillions, double leadP) {
    int max = IntStream.of(OCTOBER_MILLIONS).sum() + leads * leadMillions;
    double[] pmf = new double[max + 1];
    pmf[0] = 1;
    for (int i = 0; i < OCTOBER_MILLIONS.length + leads; i++) {
      int b = i < OCTOBER_MILLIONS.length ? OCTOBER_MILLIONS[i] : leadMillions;
      double p = i < OCTOBER_MILLIONS.length ? OCTOBER_P[i] : leadP;
      for (int x = max; x >= 0; x--) {
        pmf[x] = pmf[x] * (1 - p) + (x >= b ? pmf[x - b] * p : 0);
      }
    }
    return pmf;
  }

  private static int quantile(double[] pmf, double q) {
    double cdf = 0;
    for (int x = 0; x < pmf.length; x++) {
      cdf += pmf[x];
      if (cdf >= q - 1e-12) {
        return x;
      }
    }
    return pmf.length - 1;
  }

  private static double atLeast(double[] pmf, int x) {
    return IntStream.range(x, pmf.length).mapToDouble(i -> pmf[i]).sum();
  }

  @Test
  void forecastingQuickstartReproducesPlanningErrorAndThePipelineDistribution() {
    String out = run(ForecastingQuickstart::main);
    // DOMAIN 5.2: September 100 M planned, refined 80 M, executed 75 M: ratio 0.75, error 25 %
    assertThat(out).contains("2026-09: plan EUR 100000000.00, refined EUR 80000000.00, "
        + "executed EUR 75000000.00, realization 0.75, error 25 %");
    // plan 100 / 0.75 = 133.3 M, not the additive 125 M (which realizes only 93.75 M)
    assertThat(out).contains("Plan for 100 M at 0.75: EUR 133333333.33 (125 M realized at 0.75 is "
        + "only EUR 93750000.00)");
    // ratios 0.80, 0.70, 0.75: mean 0.75, sd 0.05; 100 M / (0.75 - 1.2815516 x 0.05) = 145.79 M;
    // bias = (120 - 90) / 90
    assertThat(out).contains("Ratio over 3 months: mean 0.75, sd 0.05; plan for 90 % confidence "
        + "EUR 145789");
    assertThat(out).contains("bias 0.333");
    // DOMAIN 5.3: 25 M / (5 M x 0.2) = 25 prospects; coverage 79.25 / 100 below 1 / 0.75
    assertThat(out).contains("Lost EUR 25000000.00: prospects needed at 5 M average and 20 % "
        + "conversion = 25");
    assertThat(out).contains("Weighted pipeline EUR 79250000.00 of EUR 175000000.00: "
        + "coverage 0.793, required 1.333, alert true");
    // DOMAIN 5.4, checked against an independent computation of the distribution
    double[] pmf = wonMillions(0, 0, 0);
    assertThat(out).contains(String.format(Locale.ROOT,
        "Won revenue: expected EUR 79250000.00, P10 EUR %d000000.00, P50 EUR %d000000.00, "
            + "P90 EUR %d000000.00; P(>= 100 M) = %.4f",
        quantile(pmf, 0.1), quantile(pmf, 0.5), quantile(pmf, 0.9), atLeast(pmf, 100)));
    double[] counts = new double[OCTOBER_P.length + 1];
    counts[0] = 1;
    for (double p : OCTOBER_P) {
      for (int k = OCTOBER_P.length; k >= 0; k--) {
        counts[k] = counts[k] * (1 - p) + (k > 0 ? counts[k - 1] * p : 0);
      }
    }
    assertThat(out).contains(String.format(Locale.ROOT,
        "Won deals: expected %.2f, P50 %d, P(>= 3 deals) = %.4f",
        DoubleStream.of(OCTOBER_P).sum(), quantile(counts, 0.5), atLeast(counts, 3)));
    int leads = 0;
    while (atLeast(wonMillions(leads, 10, 0.25), 100) < 0.80) {
      leads++;
    }
    assertThat(out).contains("Extra leads (10 M at 25 %) for 100 M with 80 % confidence: "
        + leads + System.lineSeparator());
  }
}
