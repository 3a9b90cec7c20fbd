package io.clientyield.funnel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallMapProperties {

  @Test
  void aCopyIsEqualHashesAlikeKeepsTheOrderAndAnswersLikeTheOriginal() {
    qt().forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 3)).ofSizeBetween(0, 24),
        integers().between(0, 1000)).check((keys, seed) -> {
          Map<String, String> original = new LinkedHashMap<>();
          for (String k : keys) {
            original.put(k, k + seed);
          }
          Map<String, String> copy = SmallMap.copyOf(original);
          List<String> order = new ArrayList<>(copy.keySet());
          boolean answers = true;
          for (String k : List.of("", "a", "zz", "b1")) {
            answers &= copy.containsKey(k) == original.containsKey(k)
                && java.util.Objects.equals(copy.get(k), original.get(k));
          }
          return copy.equals(original) && original.equals(copy) && copy.hashCode() == original.hashCode()
              && order.equals(new ArrayList<>(original.keySet())) && copy.size() == original.size() && answers;
        });
  }

  @Test
  void aCopyCannotBeChanged() {
    Map<String, String> copy = SmallMap.copyOf(Map.of("office", "Panama"));
    assertThatThrownBy(() -> copy.put("office", "Prague")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(copy).containsEntry("office", "Panama");
  }
}
