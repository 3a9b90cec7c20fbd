package io.clientyield.benchmarks;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.profitability.repeat.BgNbdFitter.BgNbdFit;
import io.clientyield.profitability.repeat.BgNbdFitter;
import io.clientyield.profitability.repeat.BgNbdModel;
import io.clientyield.profitability.repeat.GammaGammaFitter.GammaGammaFit;
import io.clientyield.profitability.repeat.GammaGammaFitter;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.profitability.repeat.RepeatSummaries;
import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The repeat-client models on the whole CDNOW cohort (the bundled {@code CDNOW_master.txt}:
 * 69 659 purchases, 23 570 clients, calibration to 1997-09-30, weeks) against the targets of
 * issue 20: fitting the BG/NBD model well under a second on one core, and scoring a million
 * clients in under a second.
 *
 * <ul>
 *   <li>{@code summarizeMaster}: purchases → {@link RepeatSummaryAccumulator} → summaries;</li>
 *   <li>{@code fitBgNbdMaster}: {@link BgNbdFitter#fit(long[], double[], double[])} on the 23 570
 *       clients (standard errors included);</li>
 *   <li>{@code fitGammaGammaMaster}: {@link GammaGammaFitter#fit(List)} on the repeat clients;</li>
 *   <li>{@code scoreMillion}: P(alive) and E[Y(39 weeks)] for 1 000 000 clients (the cohort's
 *       histories repeated), with the fitted model.</li>
 * </ul>
 *
 * <p>Run from the repository root (never {@code mvn install}: the reactor resolves the library
 * modules from their {@code target} folders):
 * <pre>
 * mvn -q -B -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=/tmp/bench_cp.txt
 * CP="benchmarks/target/classes:$(cat /tmp/bench_cp.txt)"
 * java -cp "$CP" org.openjdk.jmh.Main RepeatBenchmark -f 1 -wi 3 -i 5 -w 2 -r 2 -prof gc -rf json -rff repeat.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RepeatBenchmark {
  /** US dollar. */
  static final Currency USD = Currency.getInstance("USD");
  /** The last day of calibration. */
  public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  /** The last day of the data. */
  public static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  /** Clients scored per call of {@code scoreMillion}. */
  public static final int SCORED = 1_000_000;
  /** The horizon scored, in weeks. */
  public static final double HORIZON = 39;

  /**
   * Reads the bundled master file.
   *
   * @return its purchases, in file order
   */
  public static List<Purchase> masterPurchases() {
    String name = "/io/clientyield/benchmarks/cdnow/CDNOW_master.txt";
    List<Purchase> out = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(RepeatBenchmark.class.getResourceAsStream(name), name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] c = line.trim().split("\\s+");
        if (c.length == 4 && Character.isDigit(c[0].charAt(0))) {
          out.add(Purchase.of(ClientId.of(c[0]), LocalDate.parse(c[1], DateTimeFormatter.BASIC_ISO_DATE),
              Money.of(c[3], "USD")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Summarizes purchases over the calibration period.
   *
   * @param purchases the purchases
   * @return the summaries
   */
  public static RepeatSummaries summarize(List<Purchase> purchases) {
    RepeatSummaryAccumulator acc = new RepeatSummaryAccumulator(USD, CALIBRATION_END, HOLDOUT_END);
    for (Purchase p : purchases) {
      acc.add(p);
    }
    return acc.result();
  }

  /** The master file, its summaries as columns, and a million histories to score. */
  @State(Scope.Benchmark)
  public static class Master {
    /** The purchases. */
    public List<Purchase> purchases;
    /** The summaries. */
    public List<RepeatSummary> summaries;
    /** x per client. */
    public long[] x;
    /** t_x per client. */
    public double[] tx;
    /** T per client. */
    public double[] bigT;
    /** x of the million scored clients. */
    public long[] scoreX;
    /** t_x of the million scored clients. */
    public double[] scoreTx;
    /** T of the million scored clients. */
    public double[] scoreT;
    /** The model fitted on the master file. */
    public BgNbdModel model;

    /** Reads, summarizes, fits once and prints the fits. */
    @Setup(Level.Trial)
    public void setUp() {
      purchases = masterPurchases();
      summaries = summarize(purchases).summaries();
      int n = summaries.size();
      x = new long[n];
      tx = new double[n];
      bigT = new double[n];
      for (int i = 0; i < n; i++) {
        RepeatSummary s = summaries.get(i);
        x[i] = s.repeatPurchases();
        tx[i] = s.lastPurchaseTime();
        bigT[i] = s.observationTime();
      }
      scoreX = new long[SCORED];
      scoreTx = new double[SCORED];
      scoreT = new double[SCORED];
      for (int i = 0; i < SCORED; i++) {
        scoreX[i] = x[i % n];
        scoreTx[i] = tx[i % n];
        scoreT[i] = bigT[i % n];
      }
      BgNbdFit fit = BgNbdFitter.DEFAULT.fit(x, tx, bigT);
      model = fit.model();
      System.out.println("\n" + purchases.size() + " purchases, " + n + " clients; " + fit);
      System.out.println(GammaGammaFitter.DEFAULT.fit(summaries));
    }
  }

  /**
   * Purchases to summaries.
   *
   * @param m the data
   * @return the summaries
   */
  @Benchmark
  public RepeatSummaries summarizeMaster(Master m) {
    return summarize(m.purchases);
  }

  /**
   * The BG/NBD fit of the whole cohort.
   *
   * @param m the data
   * @return the fit
   */
  @Benchmark
  public BgNbdFit fitBgNbdMaster(Master m) {
    return BgNbdFitter.DEFAULT.fit(m.x, m.tx, m.bigT);
  }

  /**
   * The Gamma-Gamma fit of the cohort's repeat clients.
   *
   * @param m the data
   * @return the fit
   */
  @Benchmark
  public GammaGammaFit fitGammaGammaMaster(Master m) {
    return GammaGammaFitter.DEFAULT.fit(m.summaries);
  }

  /**
   * P(alive) and E[Y(39)] for a million clients.
   *
   * @param m the data
   * @return the sum of both over the clients (so nothing is optimised away)
   */
  @Benchmark
  public double scoreMillion(Master m) {
    return score(m.model, m.scoreX, m.scoreTx, m.scoreT);
  }

  /**
   * Scores clients: the sum of P(alive) + E[Y(39 weeks)].
   *
   * @param model the model
   * @param x repeat purchases
   * @param tx times of the last purchase
   * @param bigT observation times
   * @return the sum
   */
  public static double score(BgNbdModel model, long[] x, double[] tx, double[] bigT) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += model.probabilityAlive(x[i], tx[i], bigT[i]) + model.expectedPurchases(HORIZON, x[i], tx[i], bigT[i]);
    }
    return sum;
  }
}
