package io.clientyield.benchmarks;

import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioRun;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario runs against the target of at least 1 M {@code advance} calls per second per
 * core: one thread walks a 6-step branching scenario built with the DSL ({@link #scenario()})
 * along a fixed path of {@value #PATH_LENGTH} transitions (with the negotiation loop taken twice)
 * from a fresh run to {@code WON}. One operation is one {@link ScenarioRun#advance} call; the
 * fresh {@link Scenario#startRun()} per walk is included.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class ScenarioBenchmark {
  /** Transitions per walk. */
  public static final int PATH_LENGTH = 10;

  /** The labels of one walk from the start to {@code WON}. */
  public static final List<String> PATH = List.of(
      "reached", "qualified", "presented", "proposed", "counter-offer",
      "proposed", "counter-offer", "proposed", "agreed", "signed");

  /**
   * Returns the benchmark's scenario: contact → qualify → present → propose → negotiate → sign,
   * each step with a forward transition and a loss, negotiation looping back to the proposal on a
   * counter-offer, and a detour from qualification back to contact.
   *
   * @return the scenario
   */
  public static Scenario scenario() {
    return Scenario.builder("bench-six-steps")
        .start("contact", "Contact").stage("s0").norm(2)
            .on("reached").next("qualify", "Qualify").stage("s1").norm(3)
                .on("qualified").next("present", "Present").stage("s2").norm(5)
                    .on("presented").next("propose", "Propose").stage("s3").norm(5)
                        .on("proposed").next("negotiate", "Negotiate").stage("s4").norm(10)
                            .on("agreed").next("sign", "Sign").stage("s5").norm(5)
                                .on("signed").end(Outcome.won())
                                .on("withdrawn").end(Outcome.clientRefused("timing"))
        .step("contact").on("no-response").end(Outcome.clientRefused("no-response"))
        .step("qualify")
            .on("not-qualified").end(Outcome.weDeclined("not-qualified"))
            .on("wrong-person").goTo("contact")
        .step("present").on("not-interested").end(Outcome.clientRefused("interest"))
        .step("propose").on("declined-price").end(Outcome.clientRefused("price"))
        .step("negotiate")
            .on("counter-offer").goTo("propose")
            .on("chose-competitor").end(Outcome.clientRefused("competitor"))
        .build();
  }

  /** The scenario and the walk's inputs, prepared outside the timed region. */
  @State(Scope.Thread)
  public static class Walk {
    /** The scenario. */
    public Scenario scenario;
    /** The labels, as an array. */
    public String[] labels;
    /** One instant per transition, non-decreasing. */
    public Instant[] at;
    /** The manager recording the transitions. */
    public ManagerId by;

    /** Builds the scenario and checks the walk ends won. */
    @Setup(Level.Trial)
    public void setUp() {
      scenario = scenario();
      labels = PATH.toArray(new String[0]);
      at = new Instant[labels.length];
      Instant t = Instant.parse("2026-03-02T09:00:00Z");
      for (int i = 0; i < at.length; i++) {
        at[i] = t.plusSeconds(3600L * i);
      }
      by = ManagerId.of("anna");
      ScenarioRun end = walk(this);
      if (!end.isFinished() || !end.outcome().orElseThrow().equals(Outcome.won())) {
        throw new IllegalStateException("the walk must end WON, ended " + end);
      }
    }
  }

  static ScenarioRun walk(Walk w) {
    ScenarioRun run = w.scenario.startRun();
    String[] labels = w.labels;
    for (int i = 0; i < labels.length; i++) {
      run = run.advance(labels[i], w.at[i], w.by);
    }
    return run;
  }

  /**
   * One walk of {@value #PATH_LENGTH} advance calls; throughput is reported per call.
   *
   * @param w the prepared walk
   * @return the finished run
   */
  @Benchmark
  @OperationsPerInvocation(PATH_LENGTH)
  public ScenarioRun advance(Walk w) {
    return walk(w);
  }
}
