package io.clientyield.cli.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load rules against an independent, deliberately simple reading of the bundled CSV. */
class CrmExportTest {
  private static final String DIR = "/io/clientyield/examples/crm-sales-opportunities/";

  static List<String[]> pipelineRows() throws IOException {
    try (InputStream in = CrmExportTest.class.getResourceAsStream(DIR + "sales_pipeline.csv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("\r\n")).skip(1).map(l -> l.split(",", -1)).collect(Collectors.toList());
    }
  }

  @Test
  void countsMatchASimpleReadingOfTheFile() throws IOException {
    List<String[]> rows = pipelineRows();
    CrmExport export = CrmExport.bundled();
    assertThat(export.report().rowsRead()).isEqualTo(rows.size()).isEqualTo(8800);
    assertThat(export.report().rowsUsed() + export.report().rowsSetAside()).isEqualTo(rows.size());
    assertThat(export.report().withoutAccount()).isEqualTo(rows.stream().filter(r -> r[3].isEmpty()).count())
        .isEqualTo(1425);
    assertThat(export.report().productSpellingsMatched())
        .isEqualTo(Map.of("GTXPro -> GTX Pro", rows.stream().filter(r -> r[2].equals("GTXPro")).count()));
    assertThat(export.report().sectorCorrections()).containsKey("technolgy -> technology");
    Map<Opportunity.Stage, Long> byStage = export.opportunities().stream()
        .collect(Collectors.groupingBy(Opportunity::stage, Collectors.counting()));
    assertThat(byStage.get(Opportunity.Stage.WON)).isEqualTo(rows.stream().filter(r -> r[4].equals("Won")).count());
    assertThat(byStage.get(Opportunity.Stage.LOST)).isEqualTo(rows.stream().filter(r -> r[4].equals("Lost")).count());
  }

  @Test
  void fileIsCommittedAsPublishedWithCrlf() throws IOException {
    try (InputStream in = CrmExportTest.class.getResourceAsStream(DIR + "sales_pipeline.csv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).startsWith("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n");
    }
  }

  @Test
  void openDealsGetNoInventedValues() {
    CrmExport export = CrmExport.bundled();
    assertThat(export.opportunities()).filteredOn(o -> !o.stage().closed())
        .allSatisfy(o -> {
          assertThat(o.closeDate()).isEmpty();
          assertThat(o.closeValue()).isEmpty();
        });
    assertThat(export.opportunities()).filteredOn(o -> o.stage() == Opportunity.Stage.PROSPECTING)
        .allSatisfy(o -> assertThat(o.engageDate()).isEmpty());
  }

  @Test
  void malformedFileNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
    for (String f : List.of(CrmExport.ACCOUNTS, CrmExport.PRODUCTS, CrmExport.TEAMS)) {
      try (InputStream in = CrmExportTest.class.getResourceAsStream(DIR + f)) {
        Files.write(dir.resolve(f), in.readAllBytes());
      }
    }
    Files.writeString(dir.resolve(CrmExport.PIPELINE),
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n"
            + "A1,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r\n"
            + "A2,Moses Frase,GTX Basic,Cancity,Won,2016-10-20,2017-13-01,1054\r\n");
    assertThatThrownBy(() -> CrmExport.fromFolder(dir))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(dir.resolve(CrmExport.PIPELINE) + ", line 3, column close_date: '2017-13-01' is not an ISO date (yyyy-mm-dd)");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> CrmExport.fromFolder(dir))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(dir.resolve(CrmExport.PIPELINE) + ": file not found");
  }

  @Test
  void productKeyIgnoresSpacesAndCase() {
    assertThat(CrmExport.key("GTX Pro")).isEqualTo(CrmExport.key("GTXPro")).isEqualTo("gtxpro");
  }
}
