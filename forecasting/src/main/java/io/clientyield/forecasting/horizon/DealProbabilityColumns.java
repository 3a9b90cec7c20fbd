package io.clientyield.forecasting.horizon;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.forecasting.horizon.HorizonForecast.DealProbability;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Currency;
import java.util.RandomAccess;

/**
 * The deal-level probabilities of a forecast held column by column: an immutable list whose
 * elements are made when read. A sweep lists hundreds of thousands of open deals at each of its
 * origins, and a backtest keeps every origin's forecast until it is scored: as columns a deal
 * costs 28 bytes and no object of its own (an element object costs 40 more, and the collector
 * has to trace each one). Equal, as a list, to any list of the same elements.
 */
final class DealProbabilityColumns extends AbstractList<DealProbability> implements RandomAccess {
  private final DealId[] ids;
  private final String[] stages;
  private final long[] ages;
  private final double[] probabilities;
  private final Money[] budgets;

  private DealProbabilityColumns(Builder b) {
    ids = Arrays.copyOf(b.ids, b.size);
    stages = Arrays.copyOf(b.stages, b.size);
    ages = Arrays.copyOf(b.ages, b.size);
    probabilities = Arrays.copyOf(b.probabilities, b.size);
    budgets = Arrays.copyOf(b.budgets, b.size);
  }

  @Override
  public DealProbability get(int index) {
    return new DealProbability(ids[index], stages[index], ages[index], probabilities[index], budgets[index]);
  }

  @Override
  public int size() {
    return ids.length;
  }

  /** The index of the first budget in another currency, -1 when there is none. */
  int firstBudgetNotIn(Currency currency) {
    for (int i = 0; i < budgets.length; i++) {
      if (!budgets[i].currency().equals(currency)) {
        return i;
      }
    }
    return -1;
  }

  /** Collects the columns; each element is checked as {@link DealProbability} checks it. */
  static final class Builder {
    private DealId[] ids;
    private String[] stages;
    private long[] ages;
    private double[] probabilities;
    private Money[] budgets;
    private int size;

    Builder(int expected) {
      int n = Math.max(1, expected);
      ids = new DealId[n];
      stages = new String[n];
      ages = new long[n];
      probabilities = new double[n];
      budgets = new Money[n];
    }

    /** Adds one deal's probability (the rules of {@link DealProbability}). */
    Builder add(DealId id, String stage, long age, double probability, Money budget) {
      if (id == null || stage == null || budget == null || age < 0 || !(probability >= 0 && probability <= 1)) {
        new DealProbability(id, stage, age, probability, budget); // throws, naming the part
        throw ValidationException.of("deals[" + size + "]", id, "must be a valid deal probability");
      }
      if (size == ids.length) {
        int n = size * 2;
        ids = Arrays.copyOf(ids, n);
        stages = Arrays.copyOf(stages, n);
        ages = Arrays.copyOf(ages, n);
        probabilities = Arrays.copyOf(probabilities, n);
        budgets = Arrays.copyOf(budgets, n);
      }
      ids[size] = id;
      stages[size] = stage;
      ages[size] = age;
      probabilities[size] = probability;
      budgets[size++] = budget;
      return this;
    }

    DealProbabilityColumns build() {
      return new DealProbabilityColumns(this);
    }
  }
}
