package io.clientyield.spark;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import io.clientyield.core.ClientId;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of the spark module: deals (with or without a dated history),
 * purchases, their rows, and partition layouts.
 */
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

  /**
   * Items laid out over 1 to 6 partitions: even, random, all in one (the others empty), or
   * geometric (skewed).
   */
  record Layout<T>(List<T> items, List<List<T>> partitions) {
    @Override
    public String toString() {
      List<Integer> sizes = new ArrayList<>();
      partitions.forEach(p -> sizes.add(p.size()));
      return items.size() + " items over partitions of " + sizes;
    }
  }

  /** Layouts of 0..300 deals. */
  static Gen<Layout<Deal>> layouts() {
    return layouts(SparkGenerators::deal);
  }

  /** Layouts of 0..300 items, the i-th made by {@code item.apply(seed, i)}. */
  static <T> Gen<Layout<T>> layouts(BiFunction<Long, Integer, T> item) {
    return longs().all().zip(integers().between(0, 300), integers().between(1, 6), (seed, n, k) -> {
      List<T> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        items.add(item.apply(seed * 31 + i, i));
      }
      Random r = new Random(seed);
      int mode = r.nextInt(4);
      List<List<T>> parts = new ArrayList<>();
      for (int p = 0; p < k; p++) {
        parts.add(new ArrayList<>());
      }
      for (int i = 0; i < n; i++) {
        int p = switch (mode) {
          case 0 -> i % k;
          case 1 -> r.nextInt(k);
          case 2 -> k - 1; // every item in the last partition, the others empty
          default -> Math.min(k - 1, Integer.numberOfTrailingZeros(r.nextInt() | (1 << 30)));
        };
        parts.get(p).add(items.get(i));
      }
      return new Layout<>(items, parts);
    });
  }

  // ---- deals with a dated history, for the time in stage

  /** The as-of date of the dated deals: after every generated date. */
  static final LocalDate AS_OF = LocalDate.of(2026, 8, 1);
  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  /** The columns of {@link #DATED_ROWS}: the standard ones, the closed-on date, an entry date per stage. */
  static final StructType DATED_SCHEMA = datedSchema();
  /** The mapping of {@link #DATED_SCHEMA}. */
  static final DealRows DATED_ROWS = datedRows();

  private static StructType datedSchema() {
    StructType t = SCHEMA.add("closed_on", DataTypes.DateType, true);
    for (String stage : STAGES.ids()) {
      t = t.add("entered_" + stage, DataTypes.StringType, true);
    }
    return t;
  }

  private static DealRows datedRows() {
    DealRows.Builder b = DealRows.builder().reason("reason").manager("manager").budget("budget")
        .currencyColumn("currency").closedOn("closed_on");
    for (String stage : STAGES.ids()) {
      b.enteredOn(stage, "entered_" + stage);
    }
    return b.build();
  }

  /**
   * A deal with a dated history (one visit per stage up to the reached one, 0..20 days apart,
   * first in the first 120 days of 2026; one in five without history) and, when closed, mostly
   * a close date 0..15 days after its last visit; every date before {@link #AS_OF}.
   */
  static Deal datedDeal(long seed, int index) {
    Deal d = deal(seed, index);
    Random r = new Random(~seed);
    Deal.Builder b = Deal.builder().id(d.id()).reachedStage(d.reachedStage()).outcome(d.outcome())
        .budget(d.budget()).manager(d.manager());
    if (r.nextInt(5) == 0) {
      return b.build();
    }
    LocalDate day = START.plusDays(r.nextInt(120));
    for (int s = 0; s <= STAGES.indexOf("stage", d.reachedStage()); s++) {
      day = day.plusDays(s == 0 ? 0 : r.nextInt(21));
      b.addHistory(Deal.StageVisit.of(STAGES.id(s), day));
    }
    if (!d.isOpen() && r.nextInt(6) != 0) {
      b.closedOn(day.plusDays(r.nextInt(16)));
    }
    return b.build();
  }

  /** The dated deal as a row of {@link #DATED_SCHEMA}. */
  static Row datedRow(Deal d) {
    Row base = row(d);
    Object[] v = new Object[DATED_SCHEMA.size()];
    for (int i = 0; i < base.size(); i++) {
      v[i] = base.get(i);
    }
    v[base.size()] = d.closedOn().map(java.sql.Date::valueOf).orElse(null);
    for (Deal.StageVisit visit : d.history()) {
      v[base.size() + 1 + STAGES.indexOf("stage", visit.stage())] = visit.enteredOn().toString();
    }
    return RowFactory.create(v);
  }

  // ---- purchases, for the repeat-client summary

  /** Day 0 of the purchases; calibration ends on day 40, the hold-out on day 60. */
  static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);
  static final LocalDate CALIBRATION_END = DAY0.plusDays(40);
  static final LocalDate HOLDOUT_END = DAY0.plusDays(60);
  static final Currency USD = Money.currency("USD");
  static final List<String> STORES = List.of("online", "berlin", "paris");

  /** The columns of {@link PurchaseRows#standard()} and a store. */
  static final StructType PURCHASE_SCHEMA = new StructType()
      .add("client", DataTypes.StringType, true)
      .add("date", DataTypes.DateType, true)
      .add("amount", DataTypes.createDecimalType(12, 2), true)
      .add("currency", DataTypes.StringType, true)
      .add("store", DataTypes.StringType, false);

  /** A purchase row: its purchase ({@code null} for an anonymous one) and its store. */
  record PurchaseRow(Purchase purchase, String store, LocalDate date, BigDecimal amount) {
    Row row() {
      return RowFactory.create(purchase == null ? null : purchase.client().value(), java.sql.Date.valueOf(date),
          amount, "USD", store);
    }
  }

  /**
   * One purchase of one of 15 clients on day 0..60 for 0..1000.00 USD (often whole amounts,
   * several on one day), at one of the stores; one in ten anonymous (no client).
   */
  static PurchaseRow purchase(long seed, int index) {
    Random r = new Random(seed);
    LocalDate date = DAY0.plusDays(r.nextInt(61));
    BigDecimal amount = BigDecimal.valueOf(r.nextInt(3) == 0 ? r.nextInt(100) * 100L : r.nextInt(100_001), 2);
    String store = STORES.get(r.nextInt(STORES.size()));
    if (r.nextInt(10) == 0) {
      return new PurchaseRow(null, store, date, amount);
    }
    Purchase p = Purchase.of(ClientId.of("c" + r.nextInt(15)), date, Money.of(amount, USD));
    return new PurchaseRow(p, store, date, amount);
  }
}
