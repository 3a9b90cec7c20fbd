package io.clientyield.funnel;

import io.clientyield.funnel.internal.FunnelSinks;
import io.clientyield.funnel.internal.DealSink;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;

/** QuickTheories generators for the funnel module. */
final class FunnelGenerators {
  private FunnelGenerators() {}

  static final Currency EUR = Money.currency("EUR");
  static final Stages STAGES = Stages.of("contact", "qualified", "presentation", "proposal", "contract");
  static final List<String> REASONS = List.of("price", "quality", "timing", "no-need");
  static final List<String> MANAGERS = List.of("anna", "boris", "chen", "dara");

  /**
   * One deal: random stage, outcome (open, won, refused, declined or lost by an unknown party,
   * with or without reason), budget (sometimes absent; won deals sometimes with a contracted
   * value), manager (sometimes absent) and office attribute.
   */
  static Gen<Deal> deals() {
    return longs().all().map(seed -> {
      Random r = new Random(seed);
      Deal.Builder b = Deal.builder().id(DealId.of("D" + Long.toHexString(seed)))
          .reachedStage(STAGES.id(r.nextInt(STAGES.size())));
      int kind = r.nextInt(4);
      if (kind == 1) {
        b.outcome(Outcome.won());
      } else if (kind == 2) {
        b.outcome(r.nextInt(5) == 0 ? Outcome.of(io.clientyield.core.Outcome.Kind.CLIENT_REFUSED)
            : Outcome.clientRefused(REASONS.get(r.nextInt(REASONS.size()))));
      } else if (kind == 3) {
        b.outcome(r.nextInt(4) == 0 ? Outcome.lostUnknown()
            : Outcome.weDeclined(REASONS.get(r.nextInt(REASONS.size()))));
      }
      if (r.nextInt(5) != 0) {
        b.budget(Money.ofMinor(r.nextInt(10_000_000), EUR));
        if (kind == 1 && r.nextBoolean()) { // a won deal with its contracted value
          b.contractedValue(Money.ofMinor(r.nextInt(12_000_000), EUR));
        }
      }
      if (r.nextInt(8) != 0) {
        b.manager(ManagerId.of(MANAGERS.get(r.nextInt(MANAGERS.size()))));
      }
      if (r.nextBoolean()) {
        b.putAttribute("office", r.nextBoolean() ? "Berlin" : "Paris");
      }
      return b.build();
    });
  }

  /**
   * Lists of 0 to 80 deals.
   */
  static Gen<List<Deal>> dealLists() {
    return lists().of(deals()).ofSizeBetween(0, 80);
  }

  /** A list and a split point within it. */
  static Gen<Split> splits() {
    return dealLists().flatMap(l -> integers().between(0, l.size()).map(i -> new Split(l, i)));
  }

  /** A list and a shuffled copy of it. */
  static Gen<Shuffled> shuffles() {
    return dealLists().flatMap(l -> longs().all().map(seed -> {
      List<Deal> copy = new ArrayList<>(l);
      Collections.shuffle(copy, new Random(seed));
      return new Shuffled(l, copy);
    }));
  }

  /**
   * A team fed through {@link DealSink}: 2 to 8 groups, each with its own pass probability per
   * stage and 0 to 300 deals, so that some cells are weak and some small.
   */
  static Gen<Team> teams() {
    return longs().all().map(seed -> {
      Random r = new Random(seed);
      int groups = 2 + r.nextInt(7);
      int stages = STAGES.size();
      List<int[]> deals = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        double[] pass = new double[stages];
        for (int s = 0; s < stages; s++) {
          pass[s] = 0.2 + 0.7 * r.nextDouble();
        }
        int n = r.nextInt(301);
        for (int i = 0; i < n; i++) {
          int s = 0;
          while (s < stages - 1 && r.nextDouble() < pass[s]) {
            s++;
          }
          int outcome;
          int reason = DealSink.NO_REASON;
          if (r.nextInt(10) == 0) {
            outcome = DealSink.OPEN;
          } else if (s == stages - 1 && r.nextDouble() < pass[s]) {
            outcome = 0;
          } else {
            outcome = 1 + r.nextInt(2);
            reason = r.nextInt(REASONS.size() + 1) - 1;
          }
          long budget = r.nextInt(5) == 0 ? DealSink.NO_BUDGET : r.nextInt(1_000_000);
          deals.add(new int[] {g, s, outcome, reason, (int) budget, budget == DealSink.NO_BUDGET ? 1 : 0});
        }
      }
      long minTrials = 1 + r.nextInt(60);
      return new Team(deals, minTrials);
    });
  }

  /** Two large samples (300 to 3000 trials each, conversions within [0.2, 0.8]): x1, n1, x2, n2. */
  static Gen<long[]> largeTables() {
    return longs().all().map(seed -> {
      Random r = new Random(seed);
      long n1 = 300 + r.nextInt(2701);
      long n2 = 300 + r.nextInt(2701);
      long x1 = Math.round(n1 * (0.2 + 0.6 * r.nextDouble()));
      long x2 = Math.round(n2 * (0.2 + 0.6 * r.nextDouble()));
      return new long[] {x1, n1, x2, n2};
    });
  }

  /** Deals as DealSink codes {group, stage, outcome, reason, budget, noBudget}, and a minimum. */
  record Team(List<int[]> deals, long minTrials) {
    CrossStatisticsAccumulator<String> accumulate(List<int[]> part) {
      CrossStatisticsAccumulator<String> acc = CrossStatisticsAccumulator.by(STAGES, EUR, REASONS, d -> null);
      for (int[] d : part) {
        FunnelSinks.of(acc).deal(d[0], d[1], d[2], d[3], d[5] == 1 ? DealSink.NO_BUDGET : d[4]);
      }
      return acc;
    }
  }

  /** A deal list cut in two. */
  record Split(List<Deal> all, int at) {
    List<Deal> left() {
      return all.subList(0, at);
    }

    List<Deal> right() {
      return all.subList(at, all.size());
    }
  }

  /** A deal list and a permutation of it. */
  record Shuffled(List<Deal> original, List<Deal> shuffled) {}
}
