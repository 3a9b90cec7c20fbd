package io.clientyield.profitability;

import io.clientyield.core.WorkerId;
import static io.clientyield.testkit.FuzzChecks.assertFinite;
import static io.clientyield.testkit.FuzzChecks.check;
import static io.clientyield.testkit.FuzzChecks.number;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.profitability.levers.FourLevers.LeverDecomposition;
import io.clientyield.profitability.levers.FourLevers;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import io.clientyield.profitability.ltv.LifetimeValues;
import io.clientyield.profitability.portfolio.ClientFacts;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.PortfolioMatrix;
import io.clientyield.profitability.pricing.HourlyPricing;
import io.clientyield.profitability.pricing.Margins;
import io.clientyield.profitability.project.ProjectAccumulator;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.project.RateCard;
import io.clientyield.profitability.project.TimesheetEntry;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import io.clientyield.profitability.rating.ClientRatings;
import io.clientyield.profitability.roi.ClientRoi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Feeds arbitrary numbers and money to the numeric entry points of the profitability module
 * ({@link HourlyPricing}, {@link Margins}, {@link FourLevers}, {@link LifetimeValues},
 * {@link ClientRoi}, {@link ProjectAccumulator}, {@link PortfolioMatrix}, {@link ClientRatings}): each call either throws
 * {@link ValidationException} (an accumulator then keeps its result unchanged) or gives a result
 * whose numbers are all finite and that round-trips through JSON. Regression inputs under
 * {@code src/test/resources/io/clientyield/profitability/ProfitabilityNumbersFuzzTestInputs} run
 * in every build; fuzz one method for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl
 * profitability -am test -Dtest=ProfitabilityNumbersFuzzTest#pricingLeversAndLifetimeValue
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.failIfNoTests=false}.
 */
class ProfitabilityNumbersFuzzTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final Currency JPY = Money.currency("JPY");

  @FuzzTest(maxDuration = "10s")
  void pricingLeversAndLifetimeValue(FuzzedDataProvider data) {
    Money a = money(data);
    Money b = money(data);
    Money c = money(data);
    check(() -> HourlyPricing.costPerHour(a, b, c, number(data), number(data)), Money.class);
    check(() -> HourlyPricing.priceForMargin(a, number(data)), Money.class);
    check(() -> HourlyPricing.priceForMarkup(a, number(data)), Money.class);
    checkFinite(() -> HourlyPricing.marginAt(a, b));
    checkFinite(() -> Margins.margin(a, b));
    checkFinite(() -> Margins.markup(a, b));
    checkFinite(() -> Margins.markupFromMargin(number(data)));
    checkFinite(() -> Margins.marginFromMarkup(number(data)));
    check(() -> FourLevers.decompose(a, b, count(data), count(data)), LeverDecomposition.class);
    check(() -> LifetimeValues.lifetimeValue(a, count(data), number(data)), LifetimeValue.class);
    List<Money> payments = new ArrayList<>();
    int n = data.consumeInt(1, 8);
    for (int i = 0; i < n; i++) {
      payments.add(money(data));
    }
    check(() -> LifetimeValues.lifetimeValue(payments, number(data)), LifetimeValue.class);
    check(() -> ClientRoi.benefit(a, number(data), b), Money.class);
    checkFinite(() -> ClientRoi.roi(a, b));
    try {
      ClientRoi.paybackMonth(payments, c);
    } catch (ValidationException expected) {
      // the only allowed failure
    }
  }

  @FuzzTest(maxDuration = "10s")
  void projectAccumulatorKeepsItsResultOnRejection(FuzzedDataProvider data) {
    RateCard rates;
    ProjectAccumulator acc;
    try {
      rates = new RateCard(EUR, Map.of(WorkerId.of("a"), money(data), WorkerId.of("b"), money(data)),
          Map.of(WorkerId.of("a"), money(data)));
      acc = data.consumeBoolean()
          ? ProjectAccumulator.fixedFee(rates, money(data))
          : ProjectAccumulator.timeAndMaterials(rates);
    } catch (ValidationException rejected) {
      return;
    }
    int steps = data.consumeInt(0, 8);
    for (int i = 0; i < steps; i++) {
      ProjectProfitability before = result(acc);
      try {
        if (data.consumeBoolean()) {
          acc.add(new TimesheetEntry(WorkerId.of(data.pickValue(new String[] {"a", "b", "c"})),
              LocalDate.of(2026, 11, 30), count(data), data.consumeBoolean()));
        } else {
          acc.addExpense(money(data));
        }
      } catch (ValidationException rejected) {
        assertThat(result(acc)).as("a rejected input changes nothing").isEqualTo(before);
      }
    }
    check(acc::result, ProjectProfitability.class);
  }

  @FuzzTest(maxDuration = "10s")
  void portfolioPlacesArbitraryFacts(FuzzedDataProvider data) {
    String[] names = {"size", "growth", "loyalty", "share"};
    PortfolioMatrix matrix;
    try {
      matrix = PortfolioMatrix.of(criteria(data, names, 0, 2), criteria(data, names, 2, 4));
    } catch (ValidationException rejected) {
      return;
    }
    List<ClientFacts> clients = new ArrayList<>();
    int n = data.consumeInt(0, 6);
    for (int i = 0; i < n; i++) {
      Map<String, Double> values = new HashMap<>();
      for (String name : names) {
        if (data.consumeBoolean()) {
          values.put(name, number(data));
        }
      }
      try {
        clients.add(new ClientFacts(ClientId.of("c" + data.consumeInt(0, 6)), values));
      } catch (ValidationException rejected) {
        // a fact that is not finite never reaches the matrix
      }
    }
    List<Placement> placements;
    try {
      placements = matrix.place(clients);
    } catch (ValidationException rejected) {
      return;
    }
    for (Placement p : placements) {
      assertFinite(ClientyieldJson.mapper().valueToTree(p));
      assertJsonRoundTrip(p, Placement.class);
    }
    check(() -> matrix, PortfolioMatrix.class);
  }

  @FuzzTest(maxDuration = "10s")
  void ratingsWithArbitraryPointsRoundTrip(FuzzedDataProvider data) {
    ClientId[] clients = {ClientId.of("c1"), ClientId.of("c2"), ClientId.of("c3")};
    CampaignId[] campaigns = {CampaignId.of("spring"), CampaignId.of("autumn")};
    Outcome.Kind[] kinds = Outcome.Kind.values();
    ClientRatings ratings = ClientRatings.empty();
    int steps = data.consumeInt(0, 12);
    for (int i = 0; i < steps; i++) {
      ClientId client = data.pickValue(clients);
      CampaignId campaign = data.pickValue(campaigns);
      long points = count(data);
      ClientRatings before = ratings;
      try {
        switch (data.consumeInt(0, 4)) {
          case 0:
            ratings = ratings.recordOutcome(client, campaign, Outcome.of(data.pickValue(kinds)));
            break;
          case 1:
            ratings = ratings.assignCampaignRating(client, campaign, points);
            break;
          case 2:
            ratings = ratings.replaceCampaignRating(client, campaign, points);
            break;
          case 3:
            ratings = ratings.assignPersonalRating(client, points);
            break;
          default:
            ratings = ratings.replacePersonalRating(client, points);
        }
      } catch (ValidationException rejected) {
        assertThat(ratings).as("a rejected change keeps the ratings").isSameAs(before);
      }
    }
    ClientRatings result = ratings;
    check(() -> result, ClientRatings.class);
    CampaignId campaign = data.pickValue(campaigns);
    try {
      for (RankedClient r : result.rank(campaign, List.of(clients))) {
        assertJsonRoundTrip(r, RankedClient.class);
      }
    } catch (ValidationException expected) {
      // the only allowed failure
    }
    check(() -> result.explain(data.pickValue(clients), campaign), RankedClient.class);
    // recording onto the book through the accumulator: the same verdicts as recordOutcome
    var acc = new ClientRatings.OutcomeAccumulator(result);
    ClientRatings book = result;
    int more = data.consumeInt(0, 6);
    for (int i = 0; i < more; i++) {
      var o = new ClientRatings.CampaignOutcome(
          data.pickValue(clients), data.pickValue(campaigns), Outcome.of(data.pickValue(kinds)));
      String bookSays = null;
      String accSays = null;
      ClientRatings before = acc.result();
      try {
        book = book.recordOutcome(o.client(), o.campaign(), o.outcome());
      } catch (ValidationException e) {
        bookSays = e.getMessage();
      }
      try {
        acc.add(o);
      } catch (ValidationException e) {
        accSays = e.getMessage();
        assertThat(acc.result()).as("a rejected add keeps the book").isEqualTo(before);
      }
      assertThat(accSays).isEqualTo(bookSays);
      assertThat(acc.result()).isEqualTo(book);
    }
  }

  private static List<Criterion> criteria(FuzzedDataProvider data, String[] names, int from,
      int to) {
    List<Criterion> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Normalization norm;
      switch (data.consumeInt(0, 2)) {
        case 0:
          norm = Normalization.minMax();
          break;
        case 1:
          norm = Normalization.percentileRank();
          break;
        default:
          norm = Normalization.fixedBounds(number(data), number(data));
      }
      out.add(new Criterion(names[i], data.consumeBoolean(), number(data), norm));
    }
    return out;
  }

  private static ProjectProfitability result(ProjectAccumulator acc) {
    try {
      return acc.result();
    } catch (ValidationException e) {
      return null;
    }
  }

  private static long count(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.consumeLong(-2, 10_000) : data.consumeLong();
  }

  /** Small or huge, in EUR or sometimes in JPY (no minor units) to mix currencies. */
  private static Money money(FuzzedDataProvider data) {
    return FuzzChecks.money(data, EUR, JPY);
  }

  private static void checkFinite(Supplier<OptionalDouble> call) {
    try {
      OptionalDouble x = call.get();
      if (x.isPresent()) {
        assertThat(Double.isFinite(x.getAsDouble())).as("finite: %s", x).isTrue();
      }
    } catch (ValidationException expected) {
      // the only allowed failure
    }
  }
}
