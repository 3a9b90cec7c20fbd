package io.clientyield.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.cli.review.Review;
import io.clientyield.cli.review.ReviewReport;
import io.clientyield.core.Money;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.CrossStatistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code clientyield review} end to end, through picocli with captured streams. */
class ClientyieldCommandTest {
  private static final String BUNDLED = "/io/clientyield/examples/crm-sales-opportunities/";
  private static final String DEALS_HEADER = "Deal ID,Owner,Company,Region,Status,Created,Closed,Amount\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = ClientyieldCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path bundled() throws IOException {
    Path export = Files.createDirectories(dir.resolve("export"));
    for (String f : List.of("accounts.csv", "products.csv", "sales_teams.csv", "sales_pipeline.csv")) {
      try (InputStream in = getClass().getResourceAsStream(BUNDLED + f)) {
        Files.copy(in, export.resolve(f));
      }
    }
    return export;
  }

  private static List<String> files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void reviewsTheBundledExportAndWritesAllThreeReports() throws IOException {
    Path export = bundled();
    Path reports = dir.resolve("reports");
    assertThat(run("review", export.toString(), "--out", reports.toString(), "--detail")).isEqualTo(0);
    assertThat(files(reports)).containsExactly("report.html", "report.json", "report.txt");
    ReviewReport report = ClientyieldJson.read(Files.readString(reports.resolve("report.json")), ReviewReport.class);
    assertThat(report.source()).isEqualTo(export.toString());
    assertThat(report.summary().rowsRead()).isEqualTo(8800);
    assertThat(report.review().orElseThrow().load().rowsUsed()).isEqualTo(8800);
    assertThat(report.review().orElseThrow().runsByState()).containsEntry("WON", 4238L);
    assertThat(Files.readString(reports.resolve("report.txt"))).contains("Rows read 8,800, used 8,800, set aside 0");
    assertThat(err.toString()).contains("clientyield: read 8,800 rows of " + export.resolve("sales_pipeline.csv"),
        "loaded 8,800 opportunities (0 set aside)", "reviewing", "writing [html, json, text]");
    assertThat(out.toString().lines()).containsExactly(reports.resolve("report.html").toAbsolutePath().toString(),
        reports.resolve("report.json").toAbsolutePath().toString(),
        reports.resolve("report.txt").toAbsolutePath().toString());
  }

  @Test
  void reviewsAOneTableExportWithAStatusColumnThroughAMapping() throws IOException {
    Path export = Files.createDirectories(dir.resolve("one-table"));
    StringBuilder csv = new StringBuilder(DEALS_HEADER);
    String[] owners = {"Ann", "Bob", "Cy"};
    String[] regions = {"North", "South", "North"};
    int won = 0;
    int lost = 0;
    double wonValue = 0; // exact: halves summed
    for (int i = 0; i < 60; i++) {
      int o = i % 3;
      String status = i % 10 == 0 ? "New" : i % 10 == 1 ? "Engaging" : (i % 10) % 3 == 0 ? "Lost" : "Won";
      won += status.equals("Won") ? 1 : 0;
      wonValue += status.equals("Won") ? 1000 + 10 * i + 0.5 : 0;
      lost += status.equals("Lost") ? 1 : 0;
      boolean closed = status.equals("Won") || status.equals("Lost");
      csv.append("D-").append(i).append(',').append(owners[o]).append(',')
          .append(i % 4 == 0 ? "" : "Company " + (i % 7)).append(',').append(regions[o]).append(',')
          .append(status).append(',').append(String.format("%02d.03.2021", 1 + i % 28)).append(',')
          .append(closed ? String.format("%02d.06.2021", 1 + i % 28) : "").append(',')
          .append(1000 + 10 * i).append(".50\n");
    }
    Files.writeString(export.resolve("deals.csv"), csv);
    Path reports = dir.resolve("reports");
    int code = run("review", export.toString(), "--out", reports.toString(),
        "--mapping", Path.of("mappings/one-table.mapping.json").toString(), "--format", "json,text", "--detail");
    assertThat(code).as(err.toString()).isEqualTo(0);
    assertThat(files(reports)).containsExactly("report.json", "report.txt");
    Review review = ClientyieldJson.read(Files.readString(reports.resolve("report.json")), ReviewReport.class).review().orElseThrow();
    assertThat(review.load().rowsUsed()).as(review.load().toString()).isEqualTo(60);
    assertThat(review.load().tablesAbsent()).containsExactly("accounts", "products", "teams");
    assertThat(review.runsByState()).containsEntry("WON", (long) won).containsEntry("CLIENT_REFUSED:lost", (long) lost)
        .containsEntry("prospecting", 6L).containsEntry("engaging", 6L);
    assertThat(review.byOffice().groups()).extracting(CrossStatistics.GroupStatistics::group)
        .containsExactlyInAnyOrder("North", "South");
    assertThat(review.portfolio()).isNotEmpty();
    // the mapping's currency: every amount of the review is in euros
    assertThat(review.wonCloseValue()).isEqualTo(Money.of(java.math.BigDecimal.valueOf(wonValue), Money.currency("EUR")));
    assertThat(review.nextMonth().point().currency()).isEqualTo(Money.currency("EUR"));
    assertThat(Files.readString(reports.resolve("report.txt"))).contains(" EUR").doesNotContain("USD");
  }

  @Test
  void aRejectedCellExitsWithTwoAndOneLineNamingFileLineColumnAndValue() throws IOException {
    Path export = bundled();
    Files.writeString(export.resolve("sales_pipeline.csv"),
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
            + "A1,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1e30\n");
    Path reports = dir.resolve("reports");
    assertThat(run("review", export.toString(), "--out", reports.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("clientyield: " + export.resolve("sales_pipeline.csv")
        + ", line 2, column close_value: '1e30' is not an amount (a plain decimal with at most 15 digits"
        + " before the point and 2 after it)" + System.lineSeparator());
    assertThat(files(reports)).isEmpty();
  }

  @Test
  void anOutputPathThatIsAFileIsRejectedBeforeTheWork() throws IOException {
    Path export = bundled();
    Path file = Files.writeString(dir.resolve("taken"), "x");
    assertThat(run("review", export.toString(), "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("clientyield: out (" + file + ") must be a folder, not a file"
        + System.lineSeparator());
  }

  @Test
  void aBadMappingIsBadInput() throws IOException {
    Path export = bundled();
    Path mapping = Files.writeString(dir.resolve("m.json"), "{\"pipeline\":{\"file\":\"x.csv\"},\"colour\":1}");
    assertThat(run("review", export.toString(), "--out", dir.resolve("r").toString(), "--mapping", mapping.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("clientyield: " + mapping + ": not a valid mapping: ").doesNotContain("\tat ");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("review")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'FOLDER'");
    assertThat(run("review", dir.toString(), "--as-of", "2017-13-01")).isEqualTo(2);
    assertThat(run("review", dir.toString(), "--format", "pdf")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void asOfReviewsTheExportAsItStoodThen() throws IOException {
    Path export = bundled();
    Path reports = dir.resolve("reports");
    assertThat(run("review", export.toString(), "--out", reports.toString(), "--as-of", "2017-06-30",
        "--format", "json", "--detail")).isEqualTo(0);
    Review review = ClientyieldJson.read(Files.readString(reports.resolve("report.json")), ReviewReport.class).review().orElseThrow();
    assertThat(review.load().rowsUsed()).isLessThan(8800);
    assertThat(review.load().setAside()).containsKey("engaged after the as-of date 2017-06-30");
    assertThat(review.timeInStage().asOf()).isBeforeOrEqualTo(java.time.LocalDate.of(2017, 6, 30));
  }
}
