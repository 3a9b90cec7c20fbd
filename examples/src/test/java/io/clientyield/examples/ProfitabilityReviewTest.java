package io.clientyield.examples;

import org.junit.jupiter.api.Test;

class ProfitabilityReviewTest {
  @Test
  void runsEndToEnd() {
    ProfitabilityReview.main(new String[0]);
  }
}
