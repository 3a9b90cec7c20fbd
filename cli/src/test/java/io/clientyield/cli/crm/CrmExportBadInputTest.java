package io.clientyield.cli.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.cli.review.Review;
import io.clientyield.cli.review.ReviewRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's bad-input catalogue (issue 18): each case ends in an exact error naming file,
 * line, column and value, or in a row set aside with its reason, or in the correct result.
 */
class CrmExportBadInputTest {
  private static final String WON = "A1,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\n";
  private static final String AMOUNT_RULE =
      " is not an amount (a plain decimal with at most 15 digits before the point and 2 after it)";

  @TempDir Path dir;

  private String pipeline() {
    return dir.resolve(CrmExport.PIPELINE).toString();
  }

  private void assertError(String rows, String expected) {
    CrmFixtures.export(dir, rows);
    assertThatThrownBy(() -> CrmExport.fromFolder(dir))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(expected);
  }

  private CrmExport load(String rows) {
    return CrmExport.fromFolder(CrmFixtures.export(dir, rows));
  }

  @Test
  void anAmountWithAnExponentIsAnErrorNamingTheCell() {
    assertError(WON + "A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1e30\r\n",
        pipeline() + ", line 3, column close_value: '1e30'" + AMOUNT_RULE);
  }

  @Test
  void anAmountWithThreeDecimalsIsAnError() {
    assertError("A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054.123\r\n",
        pipeline() + ", line 2, column close_value: '1054.123'" + AMOUNT_RULE);
  }

  @Test
  void anAmountOfTwentyDigitsIsAnError() {
    assertError("A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,12345678901234567890\r\n",
        pipeline() + ", line 2, column close_value: '12345678901234567890'" + AMOUNT_RULE);
  }

  @Test
  void aHugeNumberIsShownAsAShortPrefix() {
    String digits = "9".repeat(5000);
    assertError("A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01," + digits + "\r\n",
        pipeline() + ", line 2, column close_value: '" + "9".repeat(40) + "…' (5000 characters)" + AMOUNT_RULE);
  }

  @Test
  void anEmptyIdIsAnError() {
    assertError(WON + " ,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\n",
        pipeline() + ", line 3, column opportunity_id: an id must not be empty");
  }

  @Test
  void aLongIdIsAnError() {
    assertError("X".repeat(300) + ",Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\n",
        pipeline() + ", line 2, column opportunity_id: an id is at most 200 characters: '"
            + "X".repeat(40) + "…' (300 characters)");
  }

  @Test
  void aTwoMegabyteFieldIsRejectedWithoutReadingItAll() {
    assertError("Y".repeat(2 << 20) + ",Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\n",
        pipeline() + ", line 2, column 1: a field is longer than 65536 characters (starts '"
            + "Y".repeat(40) + "…' (65536 characters))");
  }

  @Test
  void aBadDateIsAnErrorNamingTheCell() {
    assertError(WON + "A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-02-30,1054\r\n",
        pipeline() + ", line 3, column close_date: '2017-02-30' is not an ISO date (yyyy-mm-dd)");
  }

  @Test
  void aDuplicateIdIsAnErrorNamingBothLines() {
    assertError(WON + "A2,Moses Frase,GTX Basic,Cancity,Lost,2016-10-20,2017-03-01,0\r\n" + WON,
        pipeline() + ", line 4, column opportunity_id: duplicate id 'A1' (first on line 2)");
  }

  @Test
  void aDuplicateProductRowIsAnError() throws IOException {
    CrmFixtures.export(dir, WON);
    Files.writeString(dir.resolve(CrmExport.PRODUCTS), "product,series,sales_price\nGTX Basic,GTX,550\nGTXBasic,GTX,600\n");
    assertThatThrownBy(() -> CrmExport.fromFolder(dir)).hasMessage(dir.resolve(CrmExport.PRODUCTS)
        + ", line 3, column product: duplicate product (same name apart from case, spaces and punctuation)"
        + " 'GTXBasic' (first on line 2)");
  }

  @Test
  void aDuplicateAgentRowIsAnError() throws IOException {
    CrmFixtures.export(dir, WON);
    Files.writeString(dir.resolve(CrmExport.TEAMS),
        "sales_agent,manager,regional_office\nMoses Frase,Dustin Brinkmann,Central\nMoses Frase,Melvin Marxen,West\n");
    assertThatThrownBy(() -> CrmExport.fromFolder(dir)).hasMessage(dir.resolve(CrmExport.TEAMS)
        + ", line 3, column sales_agent: duplicate sales agent 'Moses Frase' (first on line 2)");
  }

  @Test
  void aDuplicateAccountRowIsAnError() throws IOException {
    CrmFixtures.export(dir, WON);
    Files.writeString(dir.resolve(CrmExport.ACCOUNTS),
        "account,sector,year_established,revenue,employees\nCancity,retail,2001,718.62,2448\n\nCancity,retail,2001,1.00,3\n");
    assertThatThrownBy(() -> CrmExport.fromFolder(dir)).hasMessage(dir.resolve(CrmExport.ACCOUNTS)
        + ", line 4, column account: duplicate account 'Cancity' (first on line 2)");
  }

  @Test
  void aShortRowIsAnErrorOnItsExactLine() {
    assertError(WON + "\r\n   \r\nA2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20\r\n",
        pipeline() + ", line 5, column close_date: the row has 6 fields, the header 8");
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotedFields() {
    assertError("A0,Moses Frase,GTX Basic,\"Can\ncity\",Won,2016-10-20,2017-03-01,1054\r\n"
            + "A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,x\r\n",
        pipeline() + ", line 4, column close_value: 'x'" + AMOUNT_RULE);
  }

  @Test
  void anUnclosedQuoteNamesTheLineItOpensOn() {
    assertError(WON + "A2,Moses Frase,\"GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\nA3,x\r\n",
        pipeline() + ", line 3, column 3: the quoted field opened on this line is not closed before the end of the file");
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    CrmFixtures.export(dir, "");
    Files.writeString(dir.resolve(CrmExport.PIPELINE), "opportunity_id,sales_agent\r\nA1,Moses Frase\r\n");
    assertThatThrownBy(() -> CrmExport.fromFolder(dir)).hasMessage(pipeline()
        + ", line 1, column deal_stage: required column is missing from the header [opportunity_id, sales_agent]");
  }

  @Test
  void blankLinesAreSkippedAndCounted() {
    CrmExport export = load("\r\n" + WON + "  \t \r\n\r\nA2,Moses Frase,GTX Basic,Cancity,Lost,2016-10-20,2017-03-01,0\r\n\n");
    assertThat(export.opportunities()).extracting(Opportunity::line).containsExactly(3L, 6L);
    assertThat(export.report().rowsRead()).isEqualTo(2);
    assertThat(export.report().blankLines()).isEqualTo(4);
  }

  @Test
  void negativeAmountsAreSetAsideWithTheirReason() {
    CrmExport export = load(WON + "A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,-5\r\n");
    assertThat(export.report().setAside()).isEqualTo(Map.of("negative amount", 1L));
    assertThat(export.opportunities()).extracting(Opportunity::id).containsExactly("A1");
  }

  @Test
  void implausibleDatesAreSetAsideWithTheWindow() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      rows.append("B").append(i).append(",Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\n");
    }
    rows.append("C1,Moses Frase,GTX Basic,Cancity,Won,0001-01-01,2017-03-01,1054\r\n")
        .append("C2,Moses Frase,GTX Basic,Cancity,Lost,2016-10-20,2099-01-01,0\r\n")
        .append("C3,Moses Frase,GTX Basic,Cancity,Lost,2016-10-20,+999999999-12-31,0\r\n");
    CrmExport export = load(rows.toString());
    assertThat(export.report().setAside())
        .isEqualTo(Map.of("date outside the plausible window 2011-10-20 to 2022-03-01", 3L));
    assertThat(export.report().rowsUsed()).isEqualTo(200);
  }

  @Test
  void anExportWithoutClosedDealsIsReviewedForWhatItHas() {
    CrmExport export = load("A1,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,,\r\n"
        + "A2,Moses Frase,GTX Pro,,Prospecting,,,\r\n");
    Review review = ReviewRunner.run(export);
    assertThat(review.funnel().stages().get(0).entered()).isEqualTo(2);
    assertThat(review.runsByState()).isEqualTo(Map.of("prospecting", 1L, "engaging", 1L));
    assertThat(review.wonCloseValue().amount()).isZero();
  }

  @Test
  void contradictionsAreSetAsideWithTheirReasons() {
    CrmExport export = load(WON
        + "A2,Nobody,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\n"
        + "A3,Moses Frase,Nothing,Cancity,Won,2016-10-20,2017-03-01,1054\r\n"
        + "A4,Moses Frase,GTX Basic,Cancity,Maybe,2016-10-20,2017-03-01,1054\r\n"
        + "A5,Moses Frase,GTX Basic,Cancity,Won,2017-10-20,2017-03-01,1054\r\n"
        + "A6,Moses Frase,GTX Basic,Cancity,Engaging,2016-10-20,2017-03-01,\r\n");
    assertThat(export.report().setAside()).isEqualTo(Map.of(
        "agent not in the teams table", 1L,
        "product not in the products table", 1L,
        "unknown stage value", 1L,
        "close date before engage date", 1L,
        "open deal with a close date or close value", 1L));
  }

  @Test
  void asOfLeavesOutLaterDealsAndReopensLaterCloses() {
    CrmExport export = load(WON + "A2,Moses Frase,GTX Basic,Cancity,Won,2017-02-01,2017-05-01,1054\r\n"
        + "A3,Moses Frase,GTX Basic,Cancity,Won,2017-04-01,2017-05-01,1054\r\n").asOf(java.time.LocalDate.of(2017, 3, 15));
    assertThat(export.opportunities()).extracting(Opportunity::stage)
        .containsExactly(Opportunity.Stage.WON, Opportunity.Stage.ENGAGING);
    assertThat(export.opportunities().get(1).closeDate()).isEmpty();
    assertThat(export.report().setAside()).isEqualTo(Map.of("engaged after the as-of date 2017-03-15", 1L));
  }
}
