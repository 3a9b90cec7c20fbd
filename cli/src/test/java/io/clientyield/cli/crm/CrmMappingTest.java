package io.clientyield.cli.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmMappingTest {

  @Test
  void theDocumentedExampleIsTheMappingInTheJar() throws IOException {
    try (InputStream in = CrmMapping.class.getResourceAsStream("/io/clientyield/cli/crm/crm-sales-opportunities.mapping.json")) {
      assertThat(Files.readString(Path.of("mappings/crm-sales-opportunities.mapping.json")))
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(CrmMapping.read(Path.of("mappings/crm-sales-opportunities.mapping.json"))).isEqualTo(CrmMapping.bundled());
  }

  @Test
  void theBundledMappingNamesTheBundledColumns() {
    CrmMapping m = CrmMapping.bundled();
    assertThat(m.pipeline().columns()).containsExactly("opportunity_id", "sales_agent", "deal_stage", "engage_date",
        "close_date", "account", "product", "close_value");
    assertThat(m.teams()).isPresent();
    assertThat(m.dateFormat()).isEmpty();
  }

  @Test
  void anUnknownPropertyIsNamed(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("m.json"),
        Files.readString(Path.of("mappings/one-table.mapping.json")).replace("\"listValue\"", "\"listvalue\""));
    assertThatThrownBy(() -> CrmMapping.read(f)).isInstanceOf(CrmExportException.class)
        .hasMessageStartingWith(f + ": not a valid mapping: ").hasMessageContaining("listvalue");
  }

  @Test
  void aStageValueOutsideTheFourIsRejected(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("m.json"),
        Files.readString(Path.of("mappings/one-table.mapping.json")).replace("\"won\"", "\"closed\""));
    assertThatThrownBy(() -> CrmMapping.read(f)).hasMessageContaining("pipeline.stages.Won (closed) must be one of [engaging, lost, prospecting, won]");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> CrmMapping.read(dir.resolve("none.json")))
        .hasMessage(dir.resolve("none.json") + ": mapping file not found");
  }

  @Test
  void anUnknownCurrencyIsNamed(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("m.json"),
        Files.readString(Path.of("mappings/one-table.mapping.json")).replace("\"EUR\"", "\"EURO\""));
    assertThatThrownBy(() -> CrmMapping.read(f)).isInstanceOf(CrmExportException.class)
        .hasMessageContaining("currency (EURO) must be an ISO 4217 currency code such as EUR or USD");
  }

  @Test
  void withoutACurrencyTheAmountsAreInDollars() {
    assertThat(CrmMapping.bundled().currency()).isEmpty();
    assertThat(CrmMapping.bundled().amountCurrency()).isEqualTo(java.util.Currency.getInstance("USD"));
  }

  @Test
  void anAmountMayHaveAtMostTheCurrencysDecimalPlaces(@TempDir Path dir) throws IOException {
    Path export = Files.createDirectories(dir.resolve("export"));
    Files.writeString(export.resolve("deals.csv"), "Deal ID,Owner,Company,Region,Status,Created,Closed,Amount\n"
        + "D-1,Ann,Acme,North,Won,01.03.2021,01.06.2021,1000\n"
        + "D-2,Ann,Acme,North,Engaging,02.03.2021,,1500.5\n");
    CrmMapping yen = ClientyieldJsonReader.withCurrency("JPY");
    assertThatThrownBy(() -> CrmExport.fromFolder(export, yen, CrmExport.Progress.NONE))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(export.resolve("deals.csv") + ", line 3, column Amount: '1500.5' is not an amount (a plain"
            + " decimal with at most 15 digits before the point and none after it)");
    Files.writeString(export.resolve("deals.csv"), "Deal ID,Owner,Company,Region,Status,Created,Closed,Amount\n"
        + "D-1,Ann,Acme,North,Won,01.03.2021,01.06.2021,1000\n");
    CrmExport loaded = CrmExport.fromFolder(export, yen, CrmExport.Progress.NONE);
    assertThat(loaded.currency()).isEqualTo(java.util.Currency.getInstance("JPY"));
    assertThat(CrmDeals.deals(loaded).get(0).budget()).hasValue(io.clientyield.core.Money.of("1000", "JPY"));
  }

  /** The one-table mapping with another currency. */
  private static final class ClientyieldJsonReader {
    static CrmMapping withCurrency(String code) throws IOException {
      return io.clientyield.core.json.ClientyieldJson.read(
          Files.readString(Path.of("mappings/one-table.mapping.json")).replace("\"EUR\"", "\"" + code + "\""),
          CrmMapping.class);
    }
  }

  @Test
  void withoutProductsAListValueColumnIsRequired(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("m.json"),
        Files.readString(Path.of("mappings/one-table.mapping.json")).replace("\"listValue\": \"Amount\",", ""));
    assertThatThrownBy(() -> CrmMapping.read(f)).hasMessageContaining("pipeline.listValue");
  }
}
