package io.clientyield.core;

import static io.clientyield.testkit.CoreGenerators.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.core.json.ClientyieldJson.Limits;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioDefinition;
import io.clientyield.core.scenario.ScenarioRun;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of bad input at core's surfaces, each case with its exact outcome: JSON of every
 * core type (numbers, money, ids, periods, calendars, outcomes, scenarios, runs), the scenario
 * DSL, numbers given to the API, and sizes (document, nesting, number and string length, large
 * definitions). Only {@link ValidationException} may come out.
 */
class CoreBadInputTest {

  static Stream<Object[]> badDocuments() {
    String won = "{\"label\":\"w\",\"outcome\":{\"kind\":\"WON\"}}";
    return Stream.of(
        // money: rejected by exponent and precision before the number is expanded
        bad(Money.class, "{\"amount\":\"1e-999999999\",\"currency\":\"EUR\"}",
            "amount (1E-999999999) must have at most 2 decimal places for EUR (round explicitly"
                + " with a RoundingMode)"),
        bad(Money.class, "{\"amount\":\"1e999999999\",\"currency\":\"EUR\"}",
            "amount (1E+999999999) must have at most 30 integer digits"),
        bad(Money.class, "{\"amount\":\"-1E+2147483647\",\"currency\":\"EUR\"}",
            "amount (-1E+2147483647) must have at most 30 integer digits"),
        bad(Money.class, "{\"amount\":\"1e-2147483648\",\"currency\":\"EUR\"}",
            "amount (1e-2147483648) must be a decimal number such as 1234.50"),
        bad(Money.class, "{\"amount\":\"0e999999999\",\"currency\":\"EUR\"}",
            "amount (0E+999999999) must have at most 30 integer digits"),
        bad(Money.class, "{\"amount\":\"100e-999999990\",\"currency\":\"EUR\"}",
            "amount (1.00E-999999988) must have at most 2 decimal places for EUR (round"
                + " explicitly with a RoundingMode)"),
        bad(Money.class, "{\"amount\":\"" + "9".repeat(64) + "\",\"currency\":\"EUR\"}",
            "amount (9999999999999999999999999999999999999...) must have at most 30 integer"
                + " digits"),
        bad(Money.class, "{\"amount\":\"" + "9".repeat(65) + "\",\"currency\":\"EUR\"}",
            "amount (9999999999999999999999999999999999999...) must have at most 64 characters"),
        bad(Money.class, "{\"amount\":\"12.345\",\"currency\":\"EUR\"}",
            "amount (12.345) must have at most 2 decimal places for EUR (round explicitly with a"
                + " RoundingMode)"),
        bad(Money.class, "{\"amount\":\"NaN\",\"currency\":\"EUR\"}",
            "amount (NaN) must be a decimal number such as 1234.50"),
        bad(Money.class, "{\"amount\":\"0x10\",\"currency\":\"EUR\"}",
            "amount (0x10) must be a decimal number such as 1234.50"),
        bad(Money.class, "{\"amount\":\"\",\"currency\":\"EUR\"}",
            "amount () must be a decimal number such as 1234.50"),
        bad(Money.class, "{\"amount\":1.5,\"currency\":\"EUR\"}",
            "$.amount (1.5) must be a string"),
        bad(Money.class, "{\"amount\":\"1.50\",\"currency\":\"eur\"}",
            "currency (eur) must be an ISO 4217 currency code"),
        bad(Money.class, "null", "$ (null) must be a value, not null"),
        bad(Money.class, "[null]", "$ (an array) must be an object"),
        // counts
        bad(Proportion.class, "{\"successes\":1e999,\"trials\":1}",
            "$.successes (Infinity) must be an integer within range"),
        bad(Proportion.class, "{\"successes\":1.0,\"trials\":1}",
            "$.successes (1.0) must be an integer within range"),
        bad(Proportion.class, "{\"successes\":\"1\",\"trials\":1}",
            "$.successes (\"1\") must be an integer within range"),
        bad(Proportion.class, "{\"successes\":2,\"trials\":1}",
            "successes (2) must be <= trials (1)"),
        bad(Proportion.class, "{\"successes\":-1,\"trials\":1}", "successes (-1) must be >= 0"),
        bad(Proportion.class, "{\"successes\":" + "9".repeat(65) + ",\"trials\":1}",
            "$ ((document)) is too large: Number value length (65) exceeds the maximum allowed"
                + " (64)"),
        // rates and intervals: finite, in range
        bad(Rate.class, "1e999", "rate (Infinity) must be within [0, 1]"),
        bad(Rate.class, "\"NaN\"", "$ (NaN) must be a finite number"),
        bad(Rate.class, "\"0.5\"", "$ (0.5) must be a finite number"),
        bad(Rate.class, "1.0000001", "rate (1.0000001) must be within [0, 1]"),
        bad(Rate.class, "[0.5]", "$ (an array) must be a finite number"),
        bad(ConfidenceInterval.class, "{\"lower\":\"-Infinity\",\"upper\":0}",
            "$.lower (-Infinity) must be a finite number"),
        bad(ConfidenceInterval.class, "{\"lower\":1,\"upper\":0}", "upper (0) must be >= lower (1)"),
        // periods, calendars, ids, outcomes
        bad(ReportingPeriod.class,
            "{\"kind\":\"MONTH\",\"start\":\"+1000000000-12-01\",\"end\":\"+999999999-12-31\"}",
            "$.start (+1000000000-12-01) must be an ISO date such as 2026-09-30"),
        bad(ReportingPeriod.class, "{\"kind\":\"MONTH\",\"start\":\"2026-01-02\",\"end\":\"2026-01-31\"}",
            "end (2026-01-31) must close the month that starts on 2026-01-02"),
        bad(BusinessCalendar.class, "{\"weekends\":[],\"holidays\":[null]}",
            "$.holidays[0] (null) must not be null"),
        bad(ClientId.class, "\" \"", "clientId (\" \") must not be blank"),
        bad(ClientId.class, "42", "$ (42) must be a string"),
        bad(ClientId.class, "\"" + "x".repeat(300) + "\"",
            "clientId (" + "x".repeat(200) + "…) must have at most 256 characters"),
        bad(Outcome.class, "{\"kind\":\"WON\",\"reason\":\"x\"}",
            "reason (x) must be absent for a WON outcome"),
        // scenarios
        bad(Scenario.class, "{\"id\":\"s\",\"start\":\"a\",\"steps\":[]}", "steps ([]) must not be empty"),
        bad(Scenario.class, "{\"id\":\"s\",\"start\":\"a\",\"steps\":[null]}",
            "$.steps[0] (null) must not be null"),
        bad(Scenario.class, "{\"id\":\"s\",\"start\":\"a\",\"steps\":[{\"id\":\"a\",\"name\":\"A\","
            + "\"normWorkingDays\":1e999,\"transitions\":[" + won + "]}]}",
            "$.steps[0].normWorkingDays (Infinity) must be an integer within range"),
        bad(Scenario.class, "{\"id\":\"s\",\"start\":\"a\",\"steps\":[{\"id\":\"a\",\"name\":\"A\","
            + "\"transitions\":[{\"label\":\"x\",\"to\":\"b\"}]}]}",
            "3 violations: steps[a].transitions[x].to (b) must name a declared step; steps[a] (a)"
                + " must lead to an outcome but no path from it ends (trap cycle or unknown"
                + " targets); outcomes ([]) must include WON"),
        bad(Scenario.class, "{\"id\":\"s\",\"start\":\"a\",\"steps\":[{\"id\":\"a\",\"name\":\"A\","
            + "\"transitions\":[" + won + "," + won + "]}]}",
            "steps[a].transitions[w] (w) must be unique within the step; declared 2 times"));
  }

  private static Object[] bad(Class<?> type, String json, String message) {
    return new Object[] {type, json, message};
  }

  @Test
  void eachBadDocumentFailsWithItsExactMessage() {
    badDocuments().forEach(c -> assertThatThrownBy(() -> ClientyieldJson.read((String) c[1],
            (Class<?>) c[0])).as("%s", c[1])
        .isInstanceOf(ValidationException.class).hasMessage((String) c[2]));
  }

  /** Short hostile values: each is rejected (or read) reading under a megabyte of memory. */
  @Test
  void everyShortValueCostsUnderAMegabyte() {
    List<String> amounts = List.of("1e-999999999", "1e999999999", "-1E+2147483647",
        "1e-2147483648", "100e-999999990", "0e-999999999", "9e-2147483647", "1" + "0".repeat(60));
    List<String> numbers = List.of("1e999999999", "1e-999999999", "-1e2147483647",
        "4.9e-325", "1" + "0".repeat(60), "0." + "0".repeat(60) + "1");
    ClientyieldJson.read("{\"amount\":\"1.00\",\"currency\":\"EUR\"}", Money.class); // warm up
    for (String amount : amounts) {
      assertBounded("{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}", Money.class);
    }
    for (String number : numbers) {
      assertBounded(number, Rate.class);
      assertBounded("{\"successes\":" + number + ",\"trials\":1}", Proportion.class);
      assertBounded("{\"lower\":0,\"upper\":" + number + "}", ConfidenceInterval.class);
    }
  }

  private static void assertBounded(String json, Class<?> type) {
    assertThat(json.length()).isLessThan(100);
    long before = allocatedBytes();
    try {
      ClientyieldJson.read(json, type);
    } catch (ValidationException e) {
      assertThat(e.getMessage().length()).as(json).isLessThan(200);
    }
    long allocated = allocatedBytes() - before;
    assertThat(allocated).as("bytes allocated reading %s", json).isLessThan(1L << 20);
  }

  /**
   * The bytes this thread allocated so far (HotSpot's thread bean; found by reflection because
   * core's tests compile inside core's module, which does not read {@code jdk.management}).
   */
  private static long allocatedBytes() {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getThreadMXBean").invoke(null);
      return (long) Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this test needs a HotSpot JVM", e);
    }
  }

  @Test
  void numbersGivenToTheApiAreBounded() {
    assertThat(Money.of(new java.math.BigDecimal("1e-999999999"), EUR, RoundingMode.CEILING))
        .isEqualTo(Money.of("0.01", "EUR"));
    assertThatThrownBy(() -> Money.of("1".repeat(100), "EUR"))
        .hasMessage("amount (" + "1".repeat(37) + "...) must have at most 64 characters");
    assertThatThrownBy(() -> Money.of("1.00", "EUR").multipliedBy(Double.NaN, RoundingMode.HALF_EVEN))
        .isInstanceOf(ValidationException.class).hasMessage("ratio (NaN) must be finite");
    assertThatThrownBy(() -> Rate.of(Double.POSITIVE_INFINITY))
        .hasMessage("rate (Infinity) must be within [0, 1]");
    assertThatThrownBy(() -> Proportion.of(Long.MAX_VALUE, Long.MAX_VALUE).plusTrial(true))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("trials");
  }

  @Test
  void theScenarioDslRejectsBadDefinitionsWithEveryProblem() {
    assertThatThrownBy(() -> Scenario.builder(" "))
        .isInstanceOf(ValidationException.class).hasMessage("id (\" \") must not be blank");
    assertThatThrownBy(() -> Scenario.builder("s").start("a", "A").on("x").goTo("nowhere").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("3 violations: steps[a].transitions[x].to (nowhere) must name a declared"
            + " step; steps[a] (a) must lead to an outcome but no path from it ends (trap cycle"
            + " or unknown targets); outcomes ([]) must include WON");
    assertThatThrownBy(() -> Scenario.builder("s").start("a", "A").norm(-1))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void documentsBeyondALimitFailNamingIt() {
    String big = "\"" + "x".repeat(17 * 1024 * 1024) + "\"";
    assertThatThrownBy(() -> ClientyieldJson.read(big, ClientId.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("$ (document of 17825794 characters) is too large: the limit"
            + " maxDocumentLength is 16777216 (read with larger ClientyieldJson.Limits)");
    assertThatThrownBy(() -> ClientyieldJson.read(big.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ClientId.class)).isInstanceOf(ValidationException.class).hasMessageContaining("too large");
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThatThrownBy(() -> ClientyieldJson.read(deep, Object.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("$ ((document)) is too large: Document nesting depth (65) exceeds the maximum"
            + " allowed (64)");
    assertThatThrownBy(() -> ClientyieldJson.read("\"" + "x".repeat(1024 * 1024 + 1) + "\"",
        ClientId.class)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("String value length");
  }

  @Test
  void limitsAreCheckedAndTheirMaximaAreReachable() {
    assertThatThrownBy(() -> new Limits(0, 0, 10, 0)).isInstanceOf(ValidationException.class)
        .hasMessage("4 violations: maxDocumentLength (0) must be within [1, 2147483647];"
            + " maxNestingDepth (0) must be within [1, 256]; maxNumberLength (10) must be within"
            + " [32, 1000]; maxStringLength (0) must be within [1, 2147483647]");
    Limits widest = new Limits(Integer.MAX_VALUE, Limits.MAX_NESTING_DEPTH,
        Limits.MAX_NUMBER_TOKEN, Integer.MAX_VALUE);
    String deep = "[".repeat(256) + "]".repeat(256);
    assertThat(ClientyieldJson.read(deep, Object.class, widest)).isInstanceOf(List.class);
    assertThatThrownBy(() -> ClientyieldJson.read("[" + deep + "]", Object.class, widest))
        .isInstanceOf(ValidationException.class)
        .hasMessage("$ ((document)) is too large: Document nesting depth (257) exceeds the"
            + " maximum allowed (256)");
    String longest = "1." + "0".repeat(997) + "1";
    assertThat(ClientyieldJson.read("{\"lower\":0,\"upper\":" + longest + "}",
        ConfidenceInterval.class, widest)).isEqualTo(new ConfidenceInterval(0, 1));
    assertThatThrownBy(() -> ClientyieldJson.read("{\"lower\":0,\"upper\":" + longest + "11}",
        ConfidenceInterval.class, widest)).isInstanceOf(ValidationException.class)
        .hasMessage("$ ((document)) is too large: Number value length (1001) exceeds the maximum"
            + " allowed (1000)");
  }

  @Test
  void whatIsWrittenReadsBackOrTheWriteFailsNamingTheLimit() {
    // a definition of about 20 MB: beyond the default limit, within a raised one
    Scenario large = Scenario.of(chain(120_000, false));
    assertThatThrownBy(() -> ClientyieldJson.write(large))
        .isInstanceOf(ValidationException.class)
        .hasMessageMatching("value \\(JSON of \\d+ bytes\\) exceeds the read limit"
            + " maxDocumentLength 16777216: write and read it with larger ClientyieldJson.Limits");
    Limits raised = Limits.DEFAULT.withMaxDocumentLength(64L << 20);
    String json = ClientyieldJson.write(large, raised);
    assertThat(ClientyieldJson.read(json, Scenario.class, raised)).isEqualTo(large);
    // a run of 250 000 events: its snapshot is written and read back with raised limits
    ScenarioRun run = loopRun(250_000);
    Limits forRun = Limits.DEFAULT.withMaxDocumentLength(256L << 20);
    String snapshot = ClientyieldJson.write(run.snapshot(), forRun);
    assertThat(LOOP.readRun(snapshot, forRun)).isEqualTo(run);
    assertThatThrownBy(() -> LOOP.readRun(snapshot)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxDocumentLength is 16777216");
  }

  private static final Scenario LOOP = Scenario.builder("loop")
      .start("a", "A").on("again").goTo("a").on("won").end(Outcome.won()).build();

  private static ScenarioRun loopRun(int events) {
    ScenarioRun run = LOOP.startRun();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    ManagerId by = new ManagerId("anna");
    for (int i = 0; i < events; i++) {
      run = run.advance("again", at, by);
    }
    return run;
  }

  /** A chain of steps, each with a distinct losing reason; unreachable ones when asked. */
  private static ScenarioDefinition chain(int n, boolean unreachable) {
    List<ScenarioDefinition.Step> steps = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<ScenarioDefinition.Transition> ts = new ArrayList<>();
      ts.add(i == n - 1 ? ScenarioDefinition.Transition.end("won", Outcome.won())
          : ScenarioDefinition.Transition.goTo("next", unreachable ? "s" + i : "s" + (i + 1)));
      ts.add(ScenarioDefinition.Transition.end("lost", Outcome.clientRefused("r" + i)));
      steps.add(new ScenarioDefinition.Step("s" + i, "Step " + i, Optional.empty(),
          Optional.empty(), ts));
    }
    return new ScenarioDefinition("big", "s0", steps);
  }

  @Test
  void aLargeBadDefinitionReportsEveryProblemWithAShortMessage() {
    ScenarioDefinition bad = chain(20_000, true);
    assertThatThrownBy(() -> Scenario.of(bad)).isInstanceOf(ValidationException.class)
        .satisfies(e -> {
          ValidationException v = (ValidationException) e;
          assertThat(v.violations()).hasSize(19_999);
          assertThat(v.getMessage()).startsWith("19999 violations: steps[s1] (s1) must be reachable"
              + " from the start step s0;").endsWith("; and 19949 more");
        });
  }
}
