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
  void withoutProductsAListValueColumnIsRequired(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("m.json"),
        Files.readString(Path.of("mappings/one-table.mapping.json")).replace("\"listValue\": \"Amount\",", ""));
    assertThatThrownBy(() -> CrmMapping.read(f)).hasMessageContaining("pipeline.listValue");
  }
}
