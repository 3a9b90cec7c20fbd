package io.clientyield.funnel.leads;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.leads.LeverRanking.Gain;
import io.clientyield.funnel.leads.LeverRanking.Lever;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeverRankingTest {

  private static final double EPS = 1e-12;
  private static final Money CHECK = Money.of("1000.00", "EUR");

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  /** DOMAIN 3: 250 queries/day × CTR 5 % × site 1 % × Cr 5 %, a year of 365 days. */
  private static LeadInputs websiteYear() {
    return LeadInputs.builder().set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.01).set(LeadQuantity.CR, 0.05).averageCheck(CHECK).build()
        .scaled(PeriodScale.dayToYear(365));
  }

  private static List<Lever> levers(LeverRanking r) {
    return r.gains().stream().map(Gain::lever).collect(Collectors.toList());
  }

  @Test
  void onePointOfSiteConversionBeatsOnePointOfCtrOrCrOnTheWebsiteChain() {
    // base: 2.28125 contracts × 1 000 = 2 281.25 a year
    LeverRanking r = LeadEconomics.leverRanking(websiteYear(), 10, 0.01, eur("100.00"));
    assertThat(r.baseRevenue()).contains(eur("2281.25"));
    assertThat(r.best().orElseThrow().lever()).isEqualTo(Lever.SITE_CONVERSION);
    Gain site = r.gains().get(0);
    // site conversion 1 % -> 2 % doubles revenue
    assertThat(site.extraRevenue()).isEqualTo(eur("2281.25"));
    assertThat(site.revenueAfter()).isEqualTo(eur("4562.50"));
    assertThat(site.valueBefore().getAsDouble()).isCloseTo(0.01, within(EPS));
    assertThat(site.valueAfter().getAsDouble()).isCloseTo(0.02, within(EPS));
    // +10 leads × 5 % × 1 000 = 500
    assertThat(r.gains().get(1).lever()).isEqualTo(Lever.LEADS);
    assertThat(r.gains().get(1).extraRevenue()).isEqualTo(eur("500.00"));
    // CTR 5 % -> 6 % and Cr 5 % -> 6 % each add a fifth: 456.25
    assertThat(levers(r).subList(2, 4)).containsExactlyInAnyOrder(Lever.CTR, Lever.CR);
    assertThat(r.gains().get(2).extraRevenue()).isEqualTo(eur("456.25"));
    assertThat(r.gains().get(3).extraRevenue()).isEqualTo(eur("456.25"));
    // +100 on the check × 2.28125 contracts = 228.125 -> 228.12 (HALF_EVEN)
    assertThat(r.gains().get(4).lever()).isEqualTo(Lever.AVERAGE_CHECK);
    assertThat(r.gains().get(4).extraRevenue()).isEqualTo(eur("228.12"));
    assertThat(r.gains().get(4).valueBefore()).isEmpty();
    assertThat(r.unavailable()).isEmpty();
  }

  @Test
  void theDomainOptimisationRaisesRevenueTenfold() {
    // site 1 % -> 5 % and Cr 5 % -> 10 %: 22.8 contracts instead of 2.28
    LeadInputs optimised = websiteYear().toBuilder().set(LeadQuantity.SITE_CONVERSION, 0.05)
        .set(LeadQuantity.CR, 0.10).build();
    assertThat(LeadEconomics.metrics(optimised).revenue()).contains(eur("22812.50"));
    assertThat(String.format("%.1f", LeadEconomics.metrics(optimised).value(LeadQuantity.LEADS).getAsDouble()))
        .isEqualTo("228.1");
  }

  @Test
  void theSameRelativeImprovementGivesEveryUncappedLeverTheSameGain() {
    // 120 leads × 5 % × 1 000 = 6 000; +10 % on any lever = +600
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, 120).set(LeadQuantity.CR, 0.05)
        .averageCheck(CHECK).build();
    LeverRanking r = LeadEconomics.leverRanking(m, 0.10);
    assertThat(levers(r)).containsExactly(Lever.LEADS, Lever.CR, Lever.AVERAGE_CHECK);
    assertThat(r.gains()).allSatisfy(g -> assertThat(g.extraRevenue()).isEqualTo(eur("600.00")));
    assertThat(r.unavailable()).containsExactly(Lever.CTR, Lever.SITE_CONVERSION);
    assertThat(r.relative().getAsDouble()).isCloseTo(0.10, within(EPS));
    assertThat(r.extraLeads()).isEmpty();
  }

  @Test
  void aRateCapsAtOneHundredPercent() {
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, 10).set(LeadQuantity.CR, 0.95)
        .averageCheck(CHECK).build();
    LeverRanking r = LeadEconomics.leverRanking(m, 0.10);
    Gain cr = r.gains().stream().filter(g -> g.lever() == Lever.CR).findFirst()
        .orElseThrow();
    assertThat(cr.capped()).isTrue();
    assertThat(cr.valueAfter().getAsDouble()).isEqualTo(1.0);
    // 10 × (1 − 0.95) × 1 000 = 500 instead of 950
    assertThat(cr.extraRevenue()).isEqualTo(eur("500.00"));
    assertThat(levers(r)).endsWith(Lever.CR);
  }

  @Test
  void withoutCheckOrContractsEveryLeverIsUnavailable() {
    LeverRanking r = LeadEconomics.leverRanking(LeadInputs.builder().set(LeadQuantity.LEADS, 5).build(),
        0.5);
    assertThat(r.gains()).isEmpty();
    assertThat(r.best()).isEmpty();
    assertThat(r.baseRevenue()).isEmpty();
    assertThat(r.unavailable()).containsExactly(Lever.values());
    assertJsonRoundTrip(r, LeverRanking.class);
  }

  @Test
  void badImprovementsAreRejectedNamingTheArgument() {
    LeadInputs m = websiteYear();
    assertThatThrownBy(() -> LeadEconomics.leverRanking(m, -0.1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("relative");
    assertThatThrownBy(() -> LeadEconomics.leverRanking(null, 0.1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("base");
    assertThatThrownBy(() -> LeadEconomics.leverRanking(m, -1, 2, Money.of("1.00", "USD")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(3));
    assertThatThrownBy(() -> LeadEconomics.leverRanking(m, 1, 0.01, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("extraCheck");
  }

  @Test
  void rankingsAndGainsRoundTripAsJson() {
    LeverRanking abs = LeadEconomics.leverRanking(websiteYear(), 10, 0.01, eur("100.00"));
    assertJsonRoundTrip(abs, LeverRanking.class);
    assertJsonRoundTrip(LeadEconomics.leverRanking(websiteYear(), 0.2), LeverRanking.class);
    assertJsonRoundTrip(abs.gains().get(0), Gain.class);
  }

  @Test
  void theNestedRecordsRejectNullsNamingTheField() {
    assertThatThrownBy(() -> new Gain(null, null, null, null, null, false))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field())
                .containsExactly("lever", "revenueAfter", "extraRevenue"));
    assertThatThrownBy(() -> new LeverRanking(null, null, null, null, null, null, null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field())
                .containsExactly("gains", "unavailable"));
    assertThatThrownBy(() -> new LeverRanking(null, null, null, null, null,
        java.util.Arrays.asList((Gain) null), java.util.Set.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("gains[0]");
  }
}
