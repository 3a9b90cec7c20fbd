package io.clientyield.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are replaced together or not at all. */
class ReportWriterTest {
  @TempDir Path dir;

  @BeforeEach
  void oldPair() throws IOException {
    Files.writeString(dir.resolve("report.html"), "old html");
    Files.writeString(dir.resolve("report.json"), "old json");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, Supplier<String>> pair(Supplier<String> json) {
    Map<String, Supplier<String>> files = new LinkedHashMap<>();
    files.put("report.html", () -> "new html");
    files.put("report.json", json);
    return files;
  }

  @Test
  void bothFilesAreReplaced() throws IOException {
    ReportWriter.writeTogether(dir, pair(() -> "new json"));
    assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("new html");
    assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo("new json");
    assertThat(names()).containsExactly("report.html", "report.json");
  }

  @Test
  void aFailureWhileRenderingLeavesTheOldPairAndNoTemporaryFile() throws IOException {
    assertThatThrownBy(() -> ReportWriter.writeTogether(dir, pair(() -> {
      throw new IllegalStateException("rendering failed");
    }))).hasMessage("rendering failed");
    assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("old html");
    assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo("old json");
    assertThat(names()).containsExactly("report.html", "report.json");
  }

  @Test
  void aFailureWhileMovingRestoresTheFilesAlreadyReplaced() throws IOException {
    Files.delete(dir.resolve("report.json"));
    Files.createDirectories(dir.resolve("report.json").resolve("blocker"));
    assertThatThrownBy(() -> ReportWriter.writeTogether(dir, pair(() -> "new json"))).isInstanceOf(IOException.class);
    assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("old html");
    assertThat(Files.isDirectory(dir.resolve("report.json"))).isTrue();
    assertThat(names()).containsExactly("report.html", "report.json");
  }
}
