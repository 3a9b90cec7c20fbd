package io.clientyield.spark;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.quicktheories.core.Gen;

/** QuickTheories generators of the spark module: deals, their rows, and partition layouts. */
final class SparkGenerators {
  private SparkGenerators() {}

  static final Currency EUR = Money.currency("EUR");
  static final Stages STAGES = Stages.of("contact", "qualified", "proposal", "contract");
  static final List<String> REASONS = List.of("price", "timing", "no-need");
  static final List<String> MANAGERS = List.of("anna", "boris", "chen");

  /** The columns of {@link DealRows#standard()}. */
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("stage", DataTypes.StringType, true)
      .add("outcome", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true)
      .add("manager", DataTypes.StringType, true)
      .add("budget", DataTypes.StringType, true)
      .add("currency", DataTypes.StringType, true);

  /** One deal: random stage, outcome, reason, budget (sometimes absent) and manager. */
  static Deal deal(long seed, int index) {
    Random r = new Random(seed);
    Deal.Builder b = Deal.builder().id(DealId.of("D" + index))
        .reachedStage(STAGES.id(r.nextInt(STAGES.size())));
    switch (r.nextInt(4)) {
      case 1 -> b.outcome(Outcome.won());
      case 2 -> b.outcome(r.nextInt(4) == 0 ? Outcome.of(Outcome.Kind.CLIENT_REFUSED)
          : Outcome.clientRefused(REASONS.get(r.nextInt(REASONS.size()))));
      case 3 -> b.outcome(r.nextInt(4) == 0 ? Outcome.lostUnknown()
          : Outcome.weDeclined(REASONS.get(r.nextInt(REASONS.size()))));
      default -> { }
    }
    if (r.nextInt(5) != 0) {
      b.budget(Money.ofMinor(r.nextInt(10_000_000), EUR));
    }
    if (r.nextInt(6) != 0) {
      b.manager(ManagerId.of(MANAGERS.get(r.nextInt(MANAGERS.size()))));
    }
    return b.build();
  }

  /** The deal as a row of {@link #SCHEMA}. */
  static Row row(Deal d) {
    return RowFactory.create(d.id().value(), d.reachedStage(),
        d.outcome().map(o -> o.kind().name()).orElse(null),
        d.outcome().flatMap(Outcome::reason).orElse(null),
        d.manager().map(ManagerId::value).orElse(null),
        d.budget().map(m -> m.amount().toPlainString()).orElse(null),
        d.budget().map(m -> m.currency().getCurrencyCode()).orElse(null));
  }

  /** Deals laid out over 1 to 6 partitions: even, random, all in one, or geometric (skewed). */
  record Layout(List<Deal> deals, List<List<Deal>> partitions) {
    @Override
    public String toString() {
      List<Integer> sizes = new ArrayList<>();
      partitions.forEach(p -> sizes.add(p.size()));
      return deals.size() + " deals over partitions of " + sizes;
    }
  }

  static Gen<Layout> layouts() {
    return longs().all().zip(integers().between(0, 300), integers().between(1, 6), (seed, n, k) -> {
      List<Deal> deals = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        deals.add(deal(seed * 31 + i, i));
      }
      Random r = new Random(seed);
      int mode = r.nextInt(4);
      List<List<Deal>> parts = new ArrayList<>();
      for (int p = 0; p < k; p++) {
        parts.add(new ArrayList<>());
      }
      for (int i = 0; i < n; i++) {
        int p = switch (mode) {
          case 0 -> i % k;
          case 1 -> r.nextInt(k);
          case 2 -> k - 1; // every deal in the last partition, the others empty
          default -> Math.min(k - 1, Integer.numberOfTrailingZeros(r.nextInt() | (1 << 30)));
        };
        parts.get(p).add(deals.get(i));
      }
      return new Layout(deals, parts);
    });
  }

}
