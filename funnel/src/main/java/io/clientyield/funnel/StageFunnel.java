package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A stage funnel (DOMAIN 2.1): per stage entered, passed, dropped by kind and reason, in
 * progress and won (see {@link FunnelStage} for the counting rules), the stage and cumulative
 * conversions, the weakest stage, and quantitative vs financial conversion.
 *
 * <p>Conservation: {@code top entered = won + refused + declined + lost unknown + in progress},
 * each summed over all stages ({@link #topEntered()}, {@link #won()}, {@link #refused()},
 * {@link #declined()}, {@link #lostUnknown()}, {@link #inProgress()}); checked on construction.
 *
 * <p>Worked example (DOMAIN 2.1): stages contact, presentation, proposal; 100 entered, 20
 * refused at contact, 79 at presentation, 1 reached the proposal and signed. Entered
 * 100 → 80 → 1; stage conversions 80/100, 1/80, 1/1 (the win passes the last stage); cumulative
 * 0.8, 0.01, 0.01. The weakest step is presentation → proposal both by absolute loss (79) and by
 * stage conversion (1/80).
 *
 * <p>JSON form: {@code {"currency":"EUR","stages":[...],"conversion":{...}}}. Built by the
 * funnel accumulators (no public builder). Immutable and thread-safe.
 *
 * @param currency the currency of every budget
 * @param stages the stages, first to last
 * @param conversion quantitative vs financial conversion over all deals
 */
@JsonPropertyOrder({"currency", "stages", "conversion"})
public record StageFunnel(
    @JsonProperty("currency") Currency currency,
    @JsonProperty("stages") List<FunnelStage> stages,
    @JsonProperty("conversion") ConversionComparison conversion) {

  /** Validates the stage chain and the conservation laws, reporting every violation at once. */
  @JsonCreator
  public StageFunnel {
    Checks.Collector c = Checks.collector();
    if (currency == null) {
      c.add("currency", null, "must not be null");
    }
    if (stages == null) {
      c.add("stages", null, "must not be null");
    }
    if (conversion == null) {
      c.add("conversion", null, "must not be null");
    }
    if (stages != null) {
      c.elementsNotNull("stages", stages);
    }
    c.throwIfAny();
    stages = List.copyOf(stages);
    check(currency, stages, conversion);
  }

  /**
   * Returns a stage by id.
   *
   * @param id the stage id
   * @return the stage
   * @throws ValidationException if there is no such stage
   */
  public FunnelStage stage(String id) {
    return stages().stream().filter(s -> s.stage().equals(id)).findFirst().orElseThrow(() ->
        ValidationException.of("stage", id, "must be one of the stages "
            + stages().stream().map(FunnelStage::stage).toList()));
  }

  /**
   * Returns the deals that entered the top stage (all deals).
   *
   * @return the count
   */
  public long topEntered() {
    return stages().get(0).entered();
  }

  /**
   * Returns the won deals over all stages.
   *
   * @return the count
   */
  public long won() {
    return stages().stream().mapToLong(FunnelStage::won).sum();
  }

  /**
   * Returns the client refusals over all stages.
   *
   * @return the count
   */
  public long refused() {
    return stages().stream().mapToLong(FunnelStage::refused).sum();
  }

  /**
   * Returns our declines over all stages.
   *
   * @return the count
   */
  public long declined() {
    return stages().stream().mapToLong(FunnelStage::declined).sum();
  }

  /**
   * Returns the deals lost by an unknown party over all stages.
   *
   * @return the count
   */
  public long lostUnknown() {
    return stages().stream().mapToLong(FunnelStage::lostUnknown).sum();
  }

  /**
   * Returns the open deals over all stages.
   *
   * @return the count
   */
  public long inProgress() {
    return stages().stream().mapToLong(FunnelStage::inProgress).sum();
  }

  /**
   * Returns the stage that lost the most deals (refused + declined + lost unknown); ties go to the earlier
   * stage.
   *
   * @return the weakest stage, empty when no deal was lost
   */
  public Optional<WeakStage> weakestByLoss() {
    FunnelStage best = null;
    for (FunnelStage s : stages()) {
      if (s.dropped() > 0 && (best == null || s.dropped() > best.dropped())) {
        best = s;
      }
    }
    return Optional.ofNullable(best).map(this::weak);
  }

  /**
   * Returns the stage with the lowest stage conversion (passed / entered) among the stages some
   * deal entered; ties go to the stage with the larger loss, then the earlier one. Open deals
   * count as not (yet) passed.
   *
   * @return the weakest stage, empty when no deal entered the funnel
   */
  public Optional<WeakStage> weakestByConversion() {
    FunnelStage best = null;
    for (FunnelStage s : stages()) {
      if (s.entered() == 0) {
        continue;
      }
      if (best == null) {
        best = s;
        continue;
      }
      int cmp = compareRatio(s.passed(), s.entered(), best.passed(), best.entered());
      if (cmp < 0 || (cmp == 0 && s.dropped() > best.dropped())) {
        best = s;
      }
    }
    return Optional.ofNullable(best).map(this::weak);
  }

  /** Compares a/b with c/d (b, d > 0), exactly while the products fit in a long. */
  private static int compareRatio(long a, long b, long c, long d) {
    try {
      return Long.compare(Math.multiplyExact(a, d), Math.multiplyExact(c, b));
    } catch (ArithmeticException e) {
      return Double.compare((double) a / b, (double) c / d);
    }
  }

  private WeakStage weak(FunnelStage s) {
    Optional<String> next = s.index() + 1 < stages().size()
        ? Optional.of(stages().get(s.index() + 1).stage()) : Optional.empty();
    return new WeakStage(s.stage(), s.index(), next, s.dropped(), s.conversion());
  }

  private static void check(Currency currency, List<FunnelStage> st, ConversionComparison conversion) {
    Checks.Collector c = Checks.collector();
    if (st.isEmpty()) {
      c.add("stages", "[]", "must not be empty");
      c.throwIfAny();
    }
    for (int i = 0; i < st.size(); i++) {
      FunnelStage s = st.get(i);
      if (s.index() != i) {
        c.add("stages[" + i + "].index", s.index(), "must be " + i);
      }
      long nextEntered = i + 1 < st.size() ? st.get(i + 1).entered() : 0;
      if (s.passed() != nextEntered + s.won()) {
        c.add("stages[" + i + "].passed", s.passed(),
            "must equal entered of the next stage + won here (" + (nextEntered + s.won()) + ")");
      }
      if (s.cumulative().trials() != st.get(0).entered()) {
        c.add("stages[" + i + "].cumulative.trials", s.cumulative().trials(),
            "must equal the top entered (" + st.get(0).entered() + ")");
      }
      if (!s.wonBudget().currency().equals(currency)) {
        c.add("stages[" + i + "].wonBudget", s.wonBudget(), "must be in " + currency);
      }
    }
    if (!conversion.wonBudget().currency().equals(currency)) {
      c.add("conversion.wonBudget", conversion.wonBudget(), "must be in " + currency);
    }
    long top = st.get(0).entered();
    long won = 0;
    long lost = 0;
    long lostUnknown = 0;
    long inProgress = 0;
    for (FunnelStage s : st) {
      won += s.won();
      lost += s.refused() + s.declined() + s.lostUnknown();
      lostUnknown += s.lostUnknown();
      inProgress += s.inProgress();
    }
    long sum = won + lost + inProgress;
    if (top != sum) {
      c.add("stages[0].entered", top, "must equal won + refused + declined"
          + (lostUnknown > 0 ? " + lostUnknown" : "") + " + inProgress (" + sum + ")");
    }
    if (conversion.worked() != top || conversion.won() != won || conversion.closed() != won + lost) {
      c.add("conversion", conversion.worked() + "/" + conversion.closed() + "/" + conversion.won(),
          "worked/closed/won must equal the funnel's " + top + "/" + (won + lost) + "/" + won);
    }
    c.throwIfAny();
  }
}
