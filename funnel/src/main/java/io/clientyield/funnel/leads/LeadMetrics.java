package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Every value and metric of one channel and period, computed by
 * {@link LeadEconomics#metrics(LeadInputs)} (see there for the formulas). Money is rounded once
 * to the currency's minor unit with {@link Money#ROUNDING}; every undefined metric (a zero or
 * unknown divisor, a missing input) is absent. An inquiry is a lead here, so the cost per inquiry
 * is {@link #costPerLead()} and the turnover from inquiries is {@link #revenue()}.
 *
 * <p>JSON form: {@code {"values":{"LEADS":40.0,"CR":0.1,"CONTRACTS":4.0},"given":["LEADS","CR"],
 * "averageCheck":{...},"spend":{...},"revenue":{...},"costPerLead":{...},"romi":0.25,...}};
 * absent values are omitted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param values every known quantity, given or derived (counts are expected counts, rates in [0, 1])
 * @param given the quantities that were given as input (a subset of the values' keys)
 * @param averageCheck the average check, if given
 * @param spend the spend: given, or clicks × CPC
 * @param costPerClick CPC: given, or spend / clicks
 * @param grossMargin the gross margin in [0, 1], if given
 * @param period the label of what the counts and money are per, if stated
 * @param revenue revenue = contracts × check (= leads × Cr × check); also the turnover from inquiries
 * @param grossProfit gross profit = revenue × margin
 * @param profit marketing profit = revenue × margin − spend (may be negative)
 * @param costPerLead CPL = spend / leads (not leads / spend as the source material wrote it); also the cost per inquiry
 * @param costPerContract CAC = spend / contracts
 * @param costPerVisitor spend / visits
 * @param costPerCall spend / calls
 * @param revenuePerVisitor revenue / visits, from the unrounded revenue
 * @param profitPerVisitor (revenue × margin − spend) / visits (may be negative)
 * @param romi ROMI = (revenue × margin − spend) / spend, finite and &gt;= −1 (0.25 means a 25 % return), from the unrounded revenue
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"values", "given", "averageCheck", "spend", "costPerClick", "grossMargin", "period", "revenue", "grossProfit", "profit", "costPerLead", "costPerContract", "costPerVisitor", "costPerCall", "revenuePerVisitor", "profitPerVisitor", "romi"})
public record LeadMetrics(
    Map<LeadQuantity, Double> values,
    Set<LeadQuantity> given,
    Optional<Money> averageCheck,
    Optional<Money> spend,
    Optional<Money> costPerClick,
    OptionalDouble grossMargin,
    Optional<String> period,
    Optional<Money> revenue,
    Optional<Money> grossProfit,
    Optional<Money> profit,
    Optional<Money> costPerLead,
    Optional<Money> costPerContract,
    Optional<Money> costPerVisitor,
    Optional<Money> costPerCall,
    Optional<Money> revenuePerVisitor,
    Optional<Money> profitPerVisitor,
    OptionalDouble romi) {

  /** Validates the values, that the given quantities are among them, and the ROMI. */
  @JsonCreator
  public LeadMetrics {
    averageCheck = averageCheck == null ? Optional.empty() : averageCheck;
    spend = spend == null ? Optional.empty() : spend;
    costPerClick = costPerClick == null ? Optional.empty() : costPerClick;
    grossMargin = grossMargin == null ? OptionalDouble.empty() : grossMargin;
    period = period == null ? Optional.empty() : period;
    revenue = revenue == null ? Optional.empty() : revenue;
    grossProfit = grossProfit == null ? Optional.empty() : grossProfit;
    profit = profit == null ? Optional.empty() : profit;
    costPerLead = costPerLead == null ? Optional.empty() : costPerLead;
    costPerContract = costPerContract == null ? Optional.empty() : costPerContract;
    costPerVisitor = costPerVisitor == null ? Optional.empty() : costPerVisitor;
    costPerCall = costPerCall == null ? Optional.empty() : costPerCall;
    revenuePerVisitor = revenuePerVisitor == null ? Optional.empty() : revenuePerVisitor;
    profitPerVisitor = profitPerVisitor == null ? Optional.empty() : profitPerVisitor;
    romi = romi == null ? OptionalDouble.empty() : romi;
    Checks.Collector v = Checks.collector();
    Map<LeadQuantity, Double> vals = new EnumMap<>(LeadQuantity.class);
    if (values == null) {
      v.add("values", null, "must not be null");
    } else {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) values).entrySet()) {
        if (!(e.getKey() instanceof LeadQuantity) || !(e.getValue() instanceof Double)) {
          v.add("values", e.getKey(), "must map lead quantities to numbers");
        } else {
          LeadQuantity f = (LeadQuantity) e.getKey();
          double x = (Double) e.getValue();
          v.check(() -> LeadSolver.checkValue(f, x));
          vals.put(f, x);
        }
      }
    }
    Set<LeadQuantity> giv = EnumSet.noneOf(LeadQuantity.class);
    if (given == null) {
      v.add("given", null, "must not be null");
    } else {
      for (Object f : given) {
        if (!(f instanceof LeadQuantity) || !vals.containsKey(f)) {
          v.add("given", f, "must be one of the values");
        } else {
          giv.add((LeadQuantity) f);
        }
      }
    }
    OptionalDouble r = romi;
    r.ifPresent(x -> {
      if (!(x >= -1) || Double.isInfinite(x)) {
        v.add("romi", x, "must be finite and >= -1");
      }
    });
    v.oneCurrency("averageCheck", averageCheck, "spend", spend, "costPerClick", costPerClick,
        "revenue", revenue, "grossProfit", grossProfit, "profit", profit,
        "costPerLead", costPerLead, "costPerContract", costPerContract,
        "costPerVisitor", costPerVisitor, "costPerCall", costPerCall,
        "revenuePerVisitor", revenuePerVisitor, "profitPerVisitor", profitPerVisitor);
    v.throwIfAny();
    values = Collections.unmodifiableMap(vals);
    given = Collections.unmodifiableSet(giv);
  }

  /** The first amount present, whose currency every amount of the metrics shares. */
  Optional<Money> anyAmount() {
    return java.util.stream.Stream.of(averageCheck, spend, costPerClick, revenue, grossProfit,
        profit, costPerLead, costPerContract, costPerVisitor, costPerCall, revenuePerVisitor,
        profitPerVisitor).flatMap(Optional::stream).findFirst();
  }

  /**
   * Returns a quantity, given or derived.
   *
   * @param quantity the quantity
   * @return its value (expected count or rate), empty when neither given nor derivable
   * @throws io.clientyield.core.ValidationException if the quantity is null
   */
  public OptionalDouble value(LeadQuantity quantity) {
    Checks.notNull("field", quantity);
    Double x = values.get(quantity);
    return x == null ? OptionalDouble.empty() : OptionalDouble.of(x);
  }

  /**
   * Returns whether a quantity was given as input.
   *
   * @param quantity the quantity
   * @return true when given, false when derived or absent
   * @throws io.clientyield.core.ValidationException if the quantity is null
   */
  public boolean isGiven(LeadQuantity quantity) {
    Checks.notNull("field", quantity);
    return given.contains(quantity);
  }

  /**
   * Returns the cost per inquiry = budget (spend) / inquiries; an inquiry is a lead here, so
   * this equals {@link #costPerLead()}.
   *
   * @return the cost, empty without spend or with zero or unknown leads
   */
  @JsonIgnore
  public Optional<Money> costPerInquiry() {
    return costPerLead;
  }

  /**
   * Returns the turnover from inquiries: every inquiry is a lead here, so this equals
   * {@link #revenue()} = inquiries × Cr × check.
   *
   * @return the turnover, empty without contracts or check
   */
  @JsonIgnore
  public Optional<Money> turnoverFromInquiries() {
    return revenue;
  }
}
