package io.clientyield.funnel.time;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Stages;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageNormsTest {
  private static final Stages STAGES = Stages.of("contact", "proposal");

  @Test
  void normsByStageAndNoneForTheRest() {
    StageNorms n = StageNorms.of(STAGES, Map.of("proposal", 10L));
    assertThat(n.norm("proposal")).hasValue(10);
    assertThat(n.norm(0)).isEmpty();
    assertThat(StageNorms.none(STAGES).norm("proposal")).isEmpty();
    assertThatThrownBy(() -> n.norm("won")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("stage (won) must be one of the stages [contact, proposal]");
  }

  @Test
  void reportsUnknownStagesAndNegativeNormsTogether() {
    assertThatThrownBy(() -> StageNorms.of(STAGES, Map.of("won", 3L, "contact", -1L)))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2))
        .hasMessageContaining("norms (won) must name one of the stages [contact, proposal]")
        .hasMessageContaining("norms[contact] (-1) must be >= 0");
  }

  @Test
  void aNullMapOrNormIsNamed() {
    assertThatThrownBy(() -> StageNorms.of(STAGES, null))
        .isInstanceOf(ValidationException.class).hasMessage("norms (null) must not be null");
    Map<String, Long> nullNorm = new java.util.HashMap<>();
    nullNorm.put("proposal", null);
    assertThatThrownBy(() -> StageNorms.of(STAGES, nullNorm))
        .isInstanceOf(ValidationException.class).hasMessage("norms[proposal] (null) must not be null");
  }

  @Test
  void roundTripsThroughJson() {
    String json = assertJsonRoundTrip(StageNorms.of(STAGES, Map.of("contact", 5L)), StageNorms.class);
    assertThat(json).isEqualTo("{\"stages\":[\"contact\",\"proposal\"],\"norms\":{\"contact\":5}}");
  }
}
