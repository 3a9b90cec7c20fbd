package io.clientyield.cli.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Folders shaped like the bundled export, with a pipeline written by the test. */
final class CrmFixtures {
  static final String DIR = "/io/clientyield/examples/crm-sales-opportunities/";
  static final String HEADER =
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n";

  private CrmFixtures() {}

  /** Copies the bundled reference tables into the folder and writes the pipeline (header added). */
  static Path export(Path dir, String pipelineRows) {
    try {
      copyReferences(dir);
      Files.writeString(dir.resolve(CrmExport.PIPELINE), HEADER + pipelineRows);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the bundled reference tables. */
  static void copyReferences(Path dir) throws IOException {
    for (String f : List.of(CrmExport.ACCOUNTS, CrmExport.PRODUCTS, CrmExport.TEAMS)) {
      try (InputStream in = CrmFixtures.class.getResourceAsStream(DIR + f)) {
        Files.write(dir.resolve(f), in.readAllBytes());
      }
    }
  }

  /** Copies the whole bundled export. */
  static Path bundled(Path dir) throws IOException {
    copyReferences(dir);
    try (InputStream in = CrmFixtures.class.getResourceAsStream(DIR + CrmExport.PIPELINE)) {
      Files.write(dir.resolve(CrmExport.PIPELINE), in.readAllBytes());
    }
    return dir;
  }
}
