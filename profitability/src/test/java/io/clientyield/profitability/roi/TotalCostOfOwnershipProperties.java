package io.clientyield.profitability.roi;

import static io.clientyield.profitability.ProfitabilityGenerators.monthlyCosts;
import static io.clientyield.profitability.ProfitabilityGenerators.tcos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotalCostOfOwnershipProperties {

  private static final List<String> PARTS =
      List.of("price", "support", "upgrades", "training", "integration");

  private static List<Money> parts(TotalCostOfOwnership t) {
    return List.of(t.price(), t.support(), t.upgrades(), t.training(), t.integration());
  }

  private static TotalCostOfOwnership of(List<Money> p) {
    return new TotalCostOfOwnership(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4));
  }

  @Test
  void totalIsTheSumOfItsParts() {
    qt().forAll(tcos())
        .checkAssert(
            t -> {
              BigDecimal sum =
                  parts(t).stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
              assertThat(t.total().amount()).isEqualByComparingTo(sum);
              assertThat(t.total().currency()).isEqualTo(t.price().currency());
              parts(t).forEach(p -> assertThat(t.total().compareTo(p)).isGreaterThanOrEqualTo(0));
            });
  }

  @Test
  void purchaseShareIsBoundedAndEmptyExactlyForAZeroTotal() {
    qt().forAll(tcos())
        .checkAssert(
            t -> {
              if (t.total().isZero()) {
                assertThat(t.purchaseShare()).isEmpty();
                return;
              }
              double share = t.purchaseShare().getAsDouble();
              assertThat(share).isBetween(0.0, 1.0);
              assertThat(share == 1.0).isEqualTo(t.price().equals(t.total()));
              assertThat(share == 0.0).isEqualTo(t.price().isZero());
            });
  }

  @Test
  void totalIsMonotoneInEachPartAndPurchaseShareFallsWithOtherCosts() {
    qt().forAll(tcos(), integers().between(0, 4), monthlyCosts())
        .checkAssert(
            (t, i, extra) -> {
              var raised = new ArrayList<>(parts(t));
              raised.set(i, raised.get(i).plus(extra));
              var more = of(raised);
              assertThat(more.total()).isEqualTo(t.total().plus(extra));
              if (i > 0 && t.purchaseShare().isPresent()) {
                assertThat(more.purchaseShare().getAsDouble())
                    .isLessThanOrEqualTo(t.purchaseShare().getAsDouble());
              }
            });
  }

  @Test
  void aNegativePartIsRejectedByName() {
    qt().forAll(tcos(), integers().between(0, 4))
        .checkAssert(
            (t, i) -> {
              var bad = new ArrayList<>(parts(t));
              bad.set(i, bad.get(i).plus(Money.ofMinor(1, bad.get(i).currency())).negated());
              assertThatThrownBy(() -> of(bad))
                  .isInstanceOf(ValidationException.class)
                  .hasMessageStartingWith(PARTS.get(i) + " (")
                  .hasMessageContaining("must be >= 0");
            });
  }

  @Test
  void jsonRoundTrip() {
    qt().forAll(tcos())
        .checkAssert(t -> JsonAssertions.assertJsonRoundTrip(t, TotalCostOfOwnership.class));
  }
}
