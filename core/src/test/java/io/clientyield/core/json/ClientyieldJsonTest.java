package io.clientyield.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ClientId;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.Proportion;
import io.clientyield.core.Rate;
import io.clientyield.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict reads and the wording of read errors: JSON terms, a short value, never a Java name. */
class ClientyieldJsonTest {

  private static void assertReadFails(String json, Class<?> type, String message) {
    assertThatThrownBy(() -> ClientyieldJson.read(json, type))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  @Test
  void anUnknownPropertyNamesTheKnownOnes() {
    assertReadFails("{\"successes\":1,\"trials\":2,\"oops\":3}", Proportion.class,
        "$.oops (unknown property) is not allowed: known properties are successes, trials");
  }

  @Test
  void aMissingRequiredPropertyIsNamed() {
    assertReadFails("{\"successes\":1}", Proportion.class, "$.trials (missing) is required");
  }

  @Test
  void aValueOfTheWrongKindSaysWhatIsExpected() {
    assertReadFails("{\"successes\":[1],\"trials\":2}", Proportion.class,
        "$.successes (an array) must be an integer within range");
    assertReadFails("{\"successes\":1.5,\"trials\":2}", Proportion.class,
        "$.successes (1.5) must be an integer within range");
    assertReadFails("[]", Money.class, "$ (an array) must be an object");
    assertReadFails("{\"kind\":\"MONTH\",\"start\":\"2026-13-45\",\"end\":\"2026-01-31\"}",
        ReportingPeriod.class, "$.start (2026-13-45) must be an ISO date such as 2026-09-30");
    assertReadFails("{\"weekends\":\"SUNDAY\"}", BusinessCalendar.class,
        "$.weekends (a string) must be an array");
  }

  @Test
  void aLongRejectedValueIsShownAsAShortPrefix() {
    String longText = "x".repeat(500);
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> ClientyieldJson.read(
        "{\"kind\":\"" + longText + "\",\"start\":\"2026-01-01\",\"end\":\"2026-01-31\"}",
        ReportingPeriod.class));
    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(e.getMessage()).startsWith("$.kind (" + "x".repeat(40) + "…) must be one of");
  }

  @Test
  void nonFiniteNumbersAreRejectedAsTokensAndAsText() {
    assertReadFails("NaN", Rate.class,
        "$ ((document)) must be well-formed JSON at line 1, column 4: Non-standard token 'NaN':"
            + " enable value to allow");
    assertReadFails("{\"lower\":\"NaN\",\"upper\":1}", ConfidenceInterval.class,
        "$.lower (NaN) must be a finite number");
    assertReadFails("{\"lower\":0,\"upper\":\"-Infinity\"}", ConfidenceInterval.class,
        "$.upper (-Infinity) must be a finite number");
    assertReadFails("\"Infinity\"", Rate.class, "$ (Infinity) must be a finite number");
  }

  @Test
  void aBareNullDocumentIsNotAValue() {
    assertReadFails("null", Money.class, "$ (null) must be a value, not null");
    assertReadFails(" null ", ClientId.class, "$ (null) must be a value, not null");
  }

  @Test
  void nullListElementsAreNamedByIndex() {
    assertThatThrownBy(() -> ClientyieldJson.read("[\"a\",null]", new TypeReference<List<ClientId>>() {}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("$[1] (null) must not be null");
    assertThat(ClientyieldJson.read("[\"a\",\"b\"]", new TypeReference<List<ClientId>>() {}))
        .containsExactly(ClientId.of("a"), ClientId.of("b"));
  }

  @Test
  void numbersAreBoundedInLengthBeforeTheyAreMaterialised() {
    String digits = "1".repeat(ClientyieldJson.MAX_NUMBER_LENGTH + 1);
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(
        () -> ClientyieldJson.read("{\"lower\":" + digits + ",\"upper\":1}", ConfidenceInterval.class));
    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(e.getMessage()).startsWith("$").contains("is too large")
        .contains(String.valueOf(ClientyieldJson.MAX_NUMBER_LENGTH))
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void aTinyOrHugeExponentInAnAmountIsRejectedWithoutExpandingIt() {
    assertReadFails("{\"amount\":\"1e-999999999\",\"currency\":\"EUR\"}", Money.class,
        "amount (1E-999999999) must have at most 2 decimal places for EUR (round explicitly with a RoundingMode)");
    assertReadFails("{\"amount\":\"1e999999999\",\"currency\":\"EUR\"}", Money.class,
        "amount (1E+999999999) must have at most 30 integer digits");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> ClientyieldJson.read("{\"successes\":1,\n\"trials\":}", Proportion.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("$ ((document)) must be well-formed JSON at line 2, column 10");
  }
}
