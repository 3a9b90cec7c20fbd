package io.clientyield.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import org.junit.jupiter.api.Test;

class StagesTest {
  private static final Stages STAGES = Stages.of("contact", "presentation", "proposal");

  @Test
  void indexAndJson() {
    assertThat(STAGES.indexOf("stage", "proposal")).isEqualTo(2);
    assertThat(ClientyieldJson.write(STAGES)).isEqualTo("[\"contact\",\"presentation\",\"proposal\"]");
    assertThat(ClientyieldJson.read(ClientyieldJson.write(STAGES), Stages.class)).isEqualTo(STAGES);
  }

  @Test
  void unknownAndDuplicateStagesAreNamed() {
    assertThatThrownBy(() -> STAGES.indexOf("reachedStage", "won"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reachedStage")
        .hasMessageContaining("won")
        .hasMessageContaining("[contact, presentation, proposal]");
    assertThatThrownBy(() -> Stages.of("a", "b", "a"))
        .hasMessageContaining("stages[2]")
        .hasMessageContaining("must be unique");
  }
}
