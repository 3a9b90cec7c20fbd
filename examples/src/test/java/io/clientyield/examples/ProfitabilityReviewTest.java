package io.clientyield.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.review.ReviewReport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main program end to end, on a folder argument (a user's own export) and a chosen output folder. */
class ProfitabilityReviewTest {

  @Test
  void reviewsAFolderGivenAsArgumentAndWritesHtmlAndJson(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export");
    Files.createDirectories(export);
    for (String name : List.of(CrmExport.ACCOUNTS, CrmExport.PRODUCTS, CrmExport.TEAMS, CrmExport.PIPELINE)) {
      try (InputStream in = getClass().getResourceAsStream("/io/clientyield/examples/crm-sales-opportunities/" + name)) {
        Files.copy(in, export.resolve(name));
      }
    }
    Path out = dir.resolve("report");
    PrintStream original = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    String previous = System.getProperty(ProfitabilityReview.OUTPUT_PROPERTY);
    try {
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      System.setProperty(ProfitabilityReview.OUTPUT_PROPERTY, out.toString());
      System.setProperty(ProfitabilityReview.GENERATED_AT_PROPERTY, "2026-09-30T12:00:00Z");
      ProfitabilityReview.main(new String[] {export.toString()});
    } finally {
      System.clearProperty(ProfitabilityReview.GENERATED_AT_PROPERTY);
      System.setOut(original);
      if (previous == null) {
        System.clearProperty(ProfitabilityReview.OUTPUT_PROPERTY);
      } else {
        System.setProperty(ProfitabilityReview.OUTPUT_PROPERTY, previous);
      }
    }
    String text = console.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("Rows read 8,800, used 8,800, set aside 0.", "GTXPro -> GTX Pro", "P10", "P90",
        "133,333,333 EUR");
    String json = Files.readString(out.resolve("report.json"));
    assertThat(json).startsWith("{\"schemaVersion\":\"" + ClientyieldJson.SCHEMA_VERSION
        + "\",\"generatedAt\":\"2026-09-30T12:00:00Z\",\"source\":\"" + export + "\",\"summary\":{");
    ReviewReport report = ClientyieldJson.read(json, ReviewReport.class);
    assertThat(report.schemaVersion()).isEqualTo("1.0");
    assertThat(report.source()).isEqualTo(export.toString());
    assertThat(report.summary().rowsRead()).isEqualTo(8800);
    assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "id=\"forecast\"");
  }
}
