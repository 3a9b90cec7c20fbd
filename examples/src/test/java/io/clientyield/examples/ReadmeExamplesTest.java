package io.clientyield.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Money;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioRun;
import io.clientyield.forecasting.CorrectedTargets.CorrectedPlan;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.PlanningErrorReport;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.leads.LeadMetrics;
import io.clientyield.funnel.leads.LeadQuantity;
import io.clientyield.funnel.leads.RevenueTargetPlan;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatValuation.ClientValue;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md (and of QUICKSTART files, should they get any) is
 * extracted, compiled in memory against the test class path (javax.tools) and run, so the README
 * cannot drift from the API: a renamed method, a changed type or an exception fails this test.
 * Then the numbers its comments claim are checked against the variables the block declared.
 *
 * <p>A block that uses names it does not declare (a currency, a day, the clients of a campaign)
 * gets them from an HTML comment right before it, invisible on the rendered page:
 * <pre>{@code
 * <!-- readme-test setup
 * Currency eur = Money.currency("EUR");
 * -->
 * }</pre>
 * Lines of the setup starting with {@code import} are added to the imports; every exported
 * package of the library (and the nested types of its public types), {@code java.time},
 * {@code java.util} and {@code java.util.stream} are imported already.
 */
class ReadmeExamplesTest {

  /** The documents whose Java blocks must compile and run, from the project root. */
  private static final List<String> DOCUMENTS = List.of("README.md", "examples/QUICKSTART.md");

  private static final Pattern FENCE = Pattern.compile("(?m)^```java[ \\t]*\\n(.*?)^```[ \\t]*$",
      Pattern.DOTALL);

  private static final Pattern SETUP = Pattern.compile(
      "<!--\\s*readme-test setup\\s*\\n(.*?)-->\\s*$", Pattern.DOTALL);

  private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4}\\s+(.+)$");

  /** A top-level declaration of a block: {@code Type name =} at the start of a line. */
  private static final Pattern DECLARATION = Pattern.compile(
      "(?m)^(?:[A-Z][\\w.]*(?:<[^=;]*>)?(?:\\[\\])?|double|long|int|boolean|var)\\s+(\\w+)\\s*=(?!=)");

  /** Imported by every block: the library's exported packages and their public nested types. */
  private static final List<String> IMPORTS = List.of(
      "io.clientyield.core.*", "io.clientyield.core.json.*", "io.clientyield.core.scenario.*",
      "io.clientyield.funnel.*", "io.clientyield.funnel.leads.*",
      "io.clientyield.funnel.probability.*", "io.clientyield.profitability.levers.*",
      "io.clientyield.profitability.ltv.*", "io.clientyield.profitability.ltv.LifetimeValues.*",
      "io.clientyield.profitability.portfolio.*",
      "io.clientyield.profitability.portfolio.PortfolioMatrix.*",
      "io.clientyield.profitability.pricing.*", "io.clientyield.profitability.project.*",
      "io.clientyield.profitability.rating.*",
      "io.clientyield.profitability.rating.ClientRatings.*",
      "io.clientyield.profitability.repeat.*",
      "io.clientyield.profitability.repeat.BgNbdFitter.*",
      "io.clientyield.profitability.repeat.GammaGammaFitter.*",
      "io.clientyield.profitability.repeat.RepeatSummaries.*",
      "io.clientyield.profitability.repeat.RepeatSummaryAccumulator.*",
      "io.clientyield.profitability.repeat.RepeatValuation.*",
      "io.clientyield.profitability.review.*", "io.clientyield.profitability.roi.*",
      "io.clientyield.forecasting.*", "io.clientyield.forecasting.CorrectedTargets.*",
      "io.clientyield.forecasting.horizon.*", "io.clientyield.examples.*",
      "java.math.*", "java.time.*", "java.util.*", "java.util.stream.*");

  /** The claims of each block's comments, by the heading above the block. */
  private static final Map<String, Consumer<Map<String, Object>>> CLAIMS = Map.of(
      "`core`", ReadmeExamplesTest::core,
      "`funnel`", ReadmeExamplesTest::funnel,
      "`profitability`", ReadmeExamplesTest::profitability,
      "Repeat clients (`profitability`, package `repeat`)", ReadmeExamplesTest::repeat,
      "`forecasting`", ReadmeExamplesTest::forecasting);

  /** One Java block of a document. */
  record Block(String document, int line, String heading, String setup, String code) {

    String className() {
      return "ReadmeBlock" + document.replaceAll("\\W", "_") + "_" + line;
    }

    /** The names declared at the top level of the setup and of the block. */
    List<String> declared() {
      List<String> names = new ArrayList<>();
      Matcher m = DECLARATION.matcher(setup + code);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    String source() {
      StringBuilder s = new StringBuilder();
      for (String i : IMPORTS) {
        s.append("import ").append(i).append(";\n");
      }
      StringBuilder body = new StringBuilder();
      for (String l : setup.split("\n")) {
        if (l.strip().startsWith("import ")) {
          s.append(l.strip()).append('\n');
        } else {
          body.append(l).append('\n');
        }
      }
      s.append("public class ").append(className())
          .append(" implements java.util.function.Supplier<java.util.Map<String, Object>> {\n")
          .append("  @Override public java.util.Map<String, Object> get() {\n")
          .append("    try {\n").append(body).append("// ").append(document).append(':')
          .append(line).append('\n').append(code)
          .append("\n      java.util.Map<String, Object> vars = new java.util.HashMap<>();\n");
      for (String n : declared()) {
        s.append("      vars.put(\"").append(n).append("\", ").append(n).append(");\n");
      }
      return s.append("      return vars;\n")
          .append("    } catch (Exception e) {\n")
          .append("      throw new IllegalStateException(\"").append(document).append(':')
          .append(line).append(" threw\", e);\n    }\n  }\n}\n").toString();
    }
  }

  @Test
  void everyJavaBlockOfTheReadmeCompilesRunsAndKeepsItsNumbers() throws Exception {
    List<Block> blocks = new ArrayList<>();
    for (String d : DOCUMENTS) {
      Path p = projectRoot().resolve(d);
      if (Files.exists(p) || d.equals("README.md")) {
        blocks.addAll(blocks(d, Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    assertThat(blocks).as("Java blocks of the README").hasSizeGreaterThanOrEqualTo(CLAIMS.size());
    assertThat(blocks).extracting(Block::heading).containsAll(CLAIMS.keySet());
    Map<String, Class<?>> classes = compile(blocks);
    for (Block b : blocks) {
      @SuppressWarnings("unchecked")
      Supplier<Map<String, Object>> run = (Supplier<Map<String, Object>>)
          classes.get(b.className()).getDeclaredConstructor().newInstance();
      Map<String, Object> vars = run.get();
      assertThat(vars.keySet()).as("variables declared by %s:%d", b.document(), b.line())
          .containsAll(b.declared());
      Consumer<Map<String, Object>> claims = CLAIMS.get(b.heading());
      if (claims != null) {
        claims.accept(vars);
      }
    }
  }

  @Test
  void theExtractionFindsBlocksSetupsAndDeclarations() {
    String doc = "## `x`\n\n<!-- readme-test setup\nint base = 2;\n-->\n```java\n"
        + "List<Money> parts = List.of();   // a comment\n    .more();\nint k = base * 3;\n"
        + "k == 6;\n```\n\n```bash\nls\n```\n";
    List<Block> found = blocks("DOC.md", doc);
    assertThat(found).hasSize(1);
    Block b = found.get(0);
    assertThat(b.heading()).isEqualTo("`x`");
    assertThat(b.setup()).isEqualTo("int base = 2;\n");
    assertThat(b.line()).isEqualTo(7);
    assertThat(b.declared()).containsExactly("base", "parts", "k");
    assertThat(b.source()).contains("vars.put(\"k\", k);").contains("import java.util.*;");
  }

  private static List<Block> blocks(String document, String text) {
    List<Block> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      String before = text.substring(0, m.start());
      Matcher s = SETUP.matcher(before);
      String setup = "";
      int from = Math.max(before.lastIndexOf("```"), before.lastIndexOf("<!--"));
      if (from >= 0 && s.find(from) && s.end() == before.length()) {
        setup = s.group(1);
      }
      String heading = "";
      Matcher h = HEADING.matcher(before);
      while (h.find()) {
        heading = h.group(1).strip();
      }
      int line = (int) before.chars().filter(c -> c == '\n').count() + 2;
      out.add(new Block(document, line, heading, setup, m.group(1)));
    }
    return out;
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("README.md"))
        && Files.exists(dir.resolve("examples").resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the project root above %s", Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }

  /** Compiles every block in one javac run, in memory, and loads the classes. */
  private static Map<String, Class<?>> compile(List<Block> blocks) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler (run the tests on a JDK)").isNotNull();
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, Block> byClass = new LinkedHashMap<>();
    for (Block b : blocks) {
      byClass.put(b.className(), b);
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + b.className() + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return b.source();
        }
      });
    }
    Map<String, ByteArrayOutputStream> bytes = new HashMap<>();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8);
    JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className,
          JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return bytes.computeIfAbsent(className, x -> new ByteArrayOutputStream());
          }
        };
      }
    };
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
        "-proc:none", "-Xlint:none", "-encoding", "UTF-8");
    boolean ok = javac.getTask(null, files, diagnostics, options, null, sources).call();
    if (!ok) {
      StringBuilder report = new StringBuilder("README Java blocks do not compile:\n");
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) {
          continue;
        }
        String name = d.getSource() == null ? "?" : d.getSource().getName()
            .replaceAll(".*/", "").replace(".java", "");
        Block b = byClass.get(name);
        String at = b == null ? name : b.document() + " block at line " + b.line() + " ("
            + b.heading() + ")";
        String[] lines = b == null ? new String[0] : b.source().split("\n", -1);
        long n = d.getLineNumber();
        report.append(at).append(": ").append(d.getMessage(Locale.ROOT)).append("\n    ")
            .append(n >= 1 && n <= lines.length ? lines[(int) n - 1].strip() : "").append('\n');
      }
      throw new AssertionError(report);
    }
    files.close();
    ClassLoader loader = new ClassLoader(ReadmeExamplesTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream b = bytes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] code = b.toByteArray();
        return defineClass(name, code, 0, code.length);
      }
    };
    Map<String, Class<?>> out = new HashMap<>();
    for (String c : byClass.keySet()) {
      out.put(c, loader.loadClass(c));
    }
    return out;
  }

  // ---- the numbers the README's comments claim, checked on the variables its blocks declare

  private static void core(Map<String, Object> v) {
    assertThat(list(v, "parts")).containsExactly(Money.of("33333.34", "EUR"),
        Money.of("33333.33", "EUR"), Money.of("33333.33", "EUR"));
    ConfidenceInterval ci = (ConfidenceInterval) v.get("ci");
    assertThat(ci.lower()).isCloseTo(0.0103, within(5e-5));
    assertThat(ci.upper()).isCloseTo(0.0845, within(5e-5));
    assertThat(v.get("due")).isEqualTo(LocalDate.of(2026, 11, 25));
    Scenario exhibition = (Scenario) v.get("exhibition");
    assertThat(exhibition.readRun((String) v.get("json"))).isEqualTo((ScenarioRun) v.get("run"));
    assertThat((String) v.get("diagram")).contains("stateDiagram");
    assertThat(ClientyieldJson.write(((ScenarioRun) v.get("run")).snapshot()))
        .isEqualTo(v.get("json"));
  }

  private static void funnel(Map<String, Object> v) {
    assertThat(((StageFunnel) v.get("funnel")).refused()).isEqualTo(1);
    assertThat(((CrossStatistics) v.get("perManager")).groups()).hasSize(1);
    assertThat(((WeightedPipeline) v.get("weighted")).openDeals()).isZero();
    StageFunnel both = (StageFunnel) v.get("both");
    assertThat(both.conversion().priceRealization().orElseThrow().realization().getAsDouble())
        .isCloseTo(0.9, within(1e-12));
    LeadMetrics year = (LeadMetrics) v.get("year");
    assertThat(year.value(LeadQuantity.LEADS).getAsDouble()).isCloseTo(45.625, within(1e-9));
    assertThat(year.value(LeadQuantity.CONTRACTS).getAsDouble()).isCloseTo(2.28125, within(1e-9));
    assertThat(((RevenueTargetPlan) v.get("plan")).leadsNeeded().getAsDouble())
        .isCloseTo(120, within(1e-9));
  }

  private static void profitability(Map<String, Object> v) {
    ProjectProfitability p = (ProjectProfitability) v.get("p");
    assertThat(p.margin().getAsDouble()).isCloseTo(500 / 1200.0, within(1e-12));
    assertThat(p.markup().getAsDouble()).isCloseTo(500 / 700.0, within(1e-12));
    assertThat(v.get("hour")).isEqualTo(Money.of("125.00", "EUR"));
    assertThat(v.get("price")).isEqualTo(Money.of("156.25", "EUR"));
    List<RankedClient> ranked = list(v, "ranked");
    assertThat(ranked.get(0).composite()).isEqualTo(10);
    List<Placement> cells = list(v, "cells");
    assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.strategy()).isNotNull());
  }

  private static void repeat(Map<String, Object> v) {
    RepeatSummary s = (RepeatSummary) v.get("s");
    assertThat(s.repeatPurchases()).isEqualTo(2);
    assertThat(s.lastPurchaseTime()).isCloseTo(30.43, within(0.005));
    assertThat(s.observationTime()).isCloseTo(38.86, within(0.005));
    assertThat((double) v.get("alive")).isCloseTo(0.727, within(0.0005));
    assertThat((double) v.get("next")).isCloseTo(1.226, within(0.0005));
    assertThat(((LifetimeValue) v.get("ltv")).ltv()).isEqualTo(((ClientValue) v.get("v")).clv());
  }

  private static void forecasting(Map<String, Object> v) {
    PlanningErrorReport error = (PlanningErrorReport) v.get("error");
    double ratio = error.overall().realizationEstimate().orElseThrow().mean();
    assertThat(ratio).isCloseTo(0.75, within(1e-12));
    CorrectedPlan next = (CorrectedPlan) v.get("next");
    assertThat(next.plan()).contains(Money.of("133333333.33", "EUR"));
    // the additive plan (target + 25 %) realized at the learned ratio falls short; the corrected
    // one does not (the paragraph below the block)
    assertThat(Money.of("125000000", "EUR").multipliedBy(ratio, Money.ROUNDING))
        .isEqualTo(Money.of("93750000.00", "EUR"));
    assertThat(next.plan().orElseThrow().multipliedBy(ratio, Money.ROUNDING))
        .isEqualTo(Money.of("100000000.00", "EUR"));
    RevenueDistribution d = (RevenueDistribution) v.get("d");
    assertThat(d.p10()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(d.p90()).isEqualTo(Money.of("5000.00", "EUR"));
    assertThat(d.probabilityOfReaching(Money.of("5000.00", "EUR"))).isCloseTo(0.25, within(0.03));
    // the bridge: the forecaster's expected value is the funnel's weighted total
    WeightedPipelineAccumulator weighing = new WeightedPipelineAccumulator(
        (StageProbabilities) v.get("learned"), (Currency) v.get("eur"));
    List<Deal> deals = list(v, "deals");
    deals.forEach(weighing::add);
    assertThat(PipelineForecaster.onGrid((OpenPipeline) v.get("open"), Money.of("100", "EUR"))
        .expectedValue()).isEqualTo(weighing.result().weightedTotal());
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Map<String, Object> v, String name) {
    return (List<T>) v.get(name);
  }
}
