package io.clientyield.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.DealId;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

/** Builders report missing and null attributes as validation errors. */
class BuilderErrorsTest {

  @Test
  void aMissingAttributeIsAViolationPerAttribute() {
    assertThatThrownBy(() -> Deal.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 violations: id (null) is required to build Deal; "
            + "reachedStage (null) is required to build Deal")
        .satisfies(e -> assertThat(((ValidationException) e).violations())
            .extracting(ValidationException.Violation::field).containsExactly("id", "reachedStage"));
  }

  @Test
  void aNullAttributeNamesTheField() {
    assertThatThrownBy(() -> Deal.builder().id(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("id (null) must not be null");
    assertThatThrownBy(() -> Deal.builder().id(DealId.of("D-1")).reachedStage(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("reachedStage (null) must not be null");
  }
}
