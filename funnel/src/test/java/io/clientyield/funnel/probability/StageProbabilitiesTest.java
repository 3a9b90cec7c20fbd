package io.clientyield.funnel.probability;

import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability.ProbabilitySource;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Stages;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageProbabilitiesTest {
  private static final Stages ABC = Stages.of("a", "b", "c");

  @Test
  void itOutsourcingTableOfDomain24() {
    StageProbabilities table = StageProbabilities.itOutsourcing();
    assertThat(table.stages().ids()).containsExactly("initial-interest", "qualified-interest",
        "proposal-under-review", "contract-negotiation", "contract-signed", "deal-done");
    assertThat(table.probability("initial-interest")).hasValue(0.05);
    assertThat(table.probability("qualified-interest")).hasValue(0.10);
    assertThat(table.probability("proposal-under-review")).hasValue(0.25);
    assertThat(table.probability("contract-negotiation")).hasValue(0.80);
    assertThat(table.probability("contract-signed")).hasValue(0.99);
    assertThat(table.probability("deal-done")).hasValue(1.00);
    assertThat(table.entries()).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(ProbabilitySource.CONFIGURED);
      assertThat(e.sample()).isEmpty();
    });
    assertThat(table.isNonDecreasing()).isTrue();
  }

  @Test
  void nullEntriesAndNullMapKeysAreNamedNotNullPointers() {
    assertThatThrownBy(() -> StageProbabilities.of(ABC, null))
        .isInstanceOf(ValidationException.class).hasMessage("entries (null) must not be null");
    assertThatThrownBy(() -> StageProbabilities.of(ABC,
            java.util.Arrays.asList(StageProbability.configured("a", 0.1), null, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 violations: entries[1] (null) must not be null; entries[2] (null) must not be null");
    Map<String, Double> nullKey = new java.util.HashMap<>(Map.of("a", 0.1, "b", 0.5, "c", 0.9));
    nullKey.put(null, 0.2);
    assertThatThrownBy(() -> StageProbabilities.configured(ABC, nullKey))
        .isInstanceOf(ValidationException.class)
        .hasMessage("probabilities (null) must name one of the stages [a, b, c]");
  }

  @Test
  void configuredFromAMapEqualsConfiguredFromValues() {
    assertThat(StageProbabilities.configured(ABC, Map.of("a", 0.1, "b", 0.5, "c", 0.9)))
        .isEqualTo(StageProbabilities.configured(ABC, 0.1, 0.5, 0.9));
  }

  @Test
  void aFallingTableIsAcceptedAndReported() {
    StageProbabilities table = StageProbabilities.configured(ABC, 0.5, 0.2, 0.9);
    assertThat(table.isNonDecreasing()).isFalse();
    assertThat(table.probability(1)).hasValue(0.2);
  }

  @Test
  void reportsEveryBadProbabilityAtOnce() {
    assertThatThrownBy(() -> StageProbabilities.configured(ABC, 1.3, -0.1, Double.NaN))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(3))
        .hasMessageContaining("probabilities[0] (1.3) must be within [0, 1]")
        .hasMessageContaining("probabilities[1] (-0.1) must be within [0, 1]");
  }

  @Test
  void reportsMissingAndUnknownStagesOfAMap() {
    assertThatThrownBy(() -> StageProbabilities.configured(ABC, Map.of("a", 0.1, "b", 0.2, "x", 0.3)))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2))
        .hasMessageContaining("probabilities[c]")
        .hasMessageContaining("must name one of the stages [a, b, c]");
  }

  @Test
  void rejectsTheWrongNumberOfValues() {
    assertThatThrownBy(() -> StageProbabilities.configured(ABC, 0.1, 0.2))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must have one value per stage (3: [a, b, c])");
  }

  @Test
  void unknownStageIsAnError() {
    assertThatThrownBy(() -> StageProbabilities.itOutsourcing().probability("won"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be one of the stages");
  }

  @Test
  void roundTripsThroughJson() {
    String json = assertJsonRoundTrip(StageProbabilities.itOutsourcing(), StageProbabilities.class);
    assertThat(json).contains("\"stages\":[\"initial-interest\"", "\"probability\":0.05", "\"source\":\"CONFIGURED\"");
  }

  @Test
  void rejectsJsonWhoseEntriesDoNotMatchTheStages() {
    String json = "{\"stages\":[\"a\",\"b\"],\"entries\":[{\"stage\":\"b\",\"probability\":0.1,"
        + "\"source\":\"CONFIGURED\"}]}";
    assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.read(json, StageProbabilities.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("entries");
  }
}
