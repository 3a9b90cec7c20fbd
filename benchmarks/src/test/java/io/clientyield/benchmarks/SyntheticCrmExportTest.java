package io.clientyield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.crm.Opportunity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scaling benchmark's input; speed is measured by {@link ReviewScaling}, not here. */
class SyntheticCrmExportTest {

  @Test
  void theSameSeedWritesTheSameBytes(@TempDir Path dir) throws IOException {
    SyntheticCrmExport.write(dir.resolve("a"), 2_000, 42L);
    SyntheticCrmExport.write(dir.resolve("b"), 2_000, 42L);
    SyntheticCrmExport.write(dir.resolve("c"), 2_000, 43L);
    String pipeline = "sales_pipeline.csv";
    assertThat(Files.readString(dir.resolve("a").resolve(pipeline)))
        .isEqualTo(Files.readString(dir.resolve("b").resolve(pipeline)))
        .isNotEqualTo(Files.readString(dir.resolve("c").resolve(pipeline)));
  }

  @Test
  void theExportLoadsWholeWithTheBundledStageMix(@TempDir Path dir) throws IOException {
    SyntheticCrmExport.write(dir, 20_000, 42L);
    CrmExport export = CrmExport.fromFolder(dir);
    assertThat(export.report().rowsRead()).isEqualTo(20_000);
    assertThat(export.report().rowsSetAside()).isZero();
    assertThat(export.report().productSpellingsMatched()).containsKey("GTXPro -> GTX Pro");
    assertThat(export.report().sectorCorrections()).containsKey("technolgy -> technology");
    Map<Opportunity.Stage, Long> byStage = export.opportunities().stream()
        .collect(Collectors.groupingBy(Opportunity::stage, Collectors.counting()));
    assertThat(byStage.get(Opportunity.Stage.WON) / 20_000.0).isBetween(0.46, 0.50);
    assertThat(byStage.get(Opportunity.Stage.LOST) / 20_000.0).isBetween(0.26, 0.30);
    assertThat(byStage.get(Opportunity.Stage.PROSPECTING) / 20_000.0).isBetween(0.045, 0.07);
    assertThat(export.report().withoutAccount() / 20_000.0).isBetween(0.15, 0.17);
  }
}
