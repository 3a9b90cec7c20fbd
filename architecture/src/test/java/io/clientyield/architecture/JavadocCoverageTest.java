package io.clientyield.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected declaration of the library's API packages has a Javadoc comment.
 *
 * <p>javadoc's own "missing" check is switched off in the build because it would make a record's
 * compact constructor restate every {@code @param} of the record's Javadoc; this test holds the
 * rest of that check: types, methods, constructors other than compact ones, and fields. Members
 * that override ({@code @Override}) inherit their documentation, and internal packages are not
 * API.
 */
class JavadocCoverageTest {

  private static final List<String> MODULES = List.of("core", "funnel", "profitability", "forecasting");
  private static final Pattern DECLARATION = Pattern.compile(
      "^\\s*(public|protected)\\s+(?!.*\\bnew\\b).*");
  private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile("^\\s*public\\s+\\w+\\s*\\{\\s*$");

  @Test
  void everyPublicDeclarationOfTheApiHasAJavadocComment() {
    List<String> missing = new ArrayList<>();
    for (String module : MODULES) {
      Path root = Path.of("..", module, "src", "main", "java");
      assertThat(root).as("sources of %s", module).isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !f.toString().contains("internal"))
            .filter(f -> !f.getFileName().toString().equals("package-info.java"))
            .filter(f -> !f.getFileName().toString().equals("module-info.java"))
            .forEach(f -> missing.addAll(undocumented(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(missing).as("public declarations without a Javadoc comment").isEmpty();
  }

  private static List<String> undocumented(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!DECLARATION.matcher(line).matches() || COMPACT_CONSTRUCTOR.matcher(line).matches()) {
        continue;
      }
      int j = i - 1;
      boolean overrides = false;
      // skip the annotations (possibly spread over several lines) above the declaration
      while (j >= 0 && isAnnotationLine(lines.get(j))) {
        overrides |= lines.get(j).trim().startsWith("@Override");
        j--;
      }
      if (overrides) {
        continue;
      }
      boolean documented = j >= 0 && lines.get(j).trim().endsWith("*/") && opensJavadoc(lines, j);
      if (!documented) {
        out.add(file + ":" + (i + 1) + ": " + line.trim());
      }
    }
    return out;
  }

  private static boolean isAnnotationLine(String line) {
    String t = line.trim();
    return t.startsWith("@") || t.startsWith(")") || t.startsWith("getterVisibility")
        || t.startsWith("isGetterVisibility") || t.startsWith("fieldVisibility")
        || (t.endsWith(",") && !t.startsWith("*") && !t.startsWith("//") && !t.contains("("))
        || t.startsWith("\"");
  }

  private static boolean opensJavadoc(List<String> lines, int end) {
    for (int k = end; k >= 0; k--) {
      String t = lines.get(k).trim();
      if (t.startsWith("/**")) {
        return true;
      }
      if (t.startsWith("/*")) {
        return false;
      }
    }
    return false;
  }
}
