package io.clientyield.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.cli.crm.CrmExport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The review page in a real browser: Debian's headless Chromium driven by Selenium through
 * Debian's chromedriver (installed by {@code .ci/install-browser}, which Maven runs before the
 * tests; a missing browser fails here, it is never skipped). At 390 px (a phone) and 1400 px (a
 * laptop): no console error, no horizontal scrolling, every visible chart with a title and an
 * accessible name, no two text boxes overlapping inside a chart, chart text readable; saves a
 * full-page screenshot of each width under {@code target/}.
 */
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The fewest CSS pixels a chart's text may be tall on screen. */
  private static final double MIN_TEXT_HEIGHT = 9;
  /** Overlap below this many CSS pixels in either direction is anti-aliasing, not a collision. */
  private static final double TOLERANCE = 1.0;

  /** Per visible chart: id, title, accessible name, width, and overlapping text pairs. */
  private static final String INSPECT = String.join("\n",
      "const out = [];",
      "for (const svg of document.querySelectorAll('svg')) {",
      "  const box = svg.getBoundingClientRect();",
      "  if (svg.getClientRects().length === 0 || box.width === 0) continue;",
      "  const title = svg.querySelector('title');",
      "  const texts = Array.from(svg.querySelectorAll('text'))",
      "      .filter(t => t.textContent.trim().length > 0)",
      "      .map(t => ({s: t.textContent.trim(), r: t.getBoundingClientRect()}));",
      "  const overlaps = [];",
      "  let minHeight = 1e9;",
      "  for (let i = 0; i < texts.length; i++) {",
      "    minHeight = Math.min(minHeight, texts[i].r.height);",
      "    for (let j = i + 1; j < texts.length; j++) {",
      "      const a = texts[i].r, b = texts[j].r;",
      "      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);",
      "      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);",
      "      if (w > arguments[0] && h > arguments[0]) overlaps.push(texts[i].s + ' / ' + texts[j].s);",
      "    }",
      "  }",
      "  out.push({id: svg.id, title: title ? title.textContent.trim() : '',",
      "      name: (svg.getAttribute('aria-label') || '').trim(), width: box.width, texts: texts.length,",
      "      minHeight: texts.length ? minHeight : 0, overlaps: overlaps});",
      "}",
      "return out;");

  private static ChromeDriver driver;
  private static Path page;

  @BeforeAll
  static void startBrowser(@TempDir Path profile) throws IOException {
    assertThat(CHROMIUM).as("Debian's chromium (run .ci/install-browser)").isExecutable();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver (run .ci/install-browser)").isExecutable();
    Path out = Path.of("target", "clientyield-report");
    Files.createDirectories(out);
    page = out.resolve("report.html").toAbsolutePath();
    Files.writeString(page, HtmlReport.render(ReviewRunner.run(CrmExport.bundled())), StandardCharsets.UTF_8);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static void open(Path file, int width) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
    driver.get(file.toUri().toString());
  }

  private static List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  private static boolean scrollsSideways() {
    Object r = driver.executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    return Boolean.TRUE.equals(r);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> charts() {
    return (List<Map<String, Object>>) driver.executeScript(INSPECT, TOLERANCE);
  }

  private static void screenshot(int width) throws IOException {
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height.intValue(), "deviceScaleFactor", 1, "mobile", width < 600));
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(Path.of("target", "report-" + width + ".png"), png);
  }

  private static void checkPageAt(int width) throws IOException {
    consoleErrors(); // drains what an earlier page logged
    open(page, width);
    List<String> problems = new ArrayList<>();
    consoleErrors().forEach(e -> problems.add("console error: " + e));
    if (scrollsSideways()) {
      problems.add("the page scrolls sideways");
    }
    List<Map<String, Object>> charts = charts();
    if (charts.size() != 4) {
      problems.add("expected 4 visible charts, saw " + charts.size());
    }
    for (Map<String, Object> c : charts) {
      String id = String.valueOf(c.get("id"));
      if (String.valueOf(c.get("title")).isEmpty()) {
        problems.add(id + ": no title");
      }
      if (String.valueOf(c.get("name")).isEmpty()) {
        problems.add(id + ": no accessible name");
      }
      if (((Number) c.get("texts")).intValue() < 5) {
        problems.add(id + ": fewer than 5 labels (no axes?)");
      }
      if (((Number) c.get("minHeight")).doubleValue() < MIN_TEXT_HEIGHT) {
        problems.add(id + ": text only " + c.get("minHeight") + " px tall");
      }
      ((List<?>) c.get("overlaps")).forEach(o -> problems.add(id + ": text overlaps: " + o));
      if (width < 600 != id.endsWith("-narrow")) {
        problems.add(id + ": the wrong rendering for " + width + " px");
      }
    }
    screenshot(width);
    assertThat(problems).as("at " + width + " px").isEmpty();
  }

  @Test
  void phoneWidth() throws IOException {
    checkPageAt(390);
  }

  @Test
  void laptopWidth() throws IOException {
    checkPageAt(1400);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theChecksSeeOverlapsSidewaysScrollingAndConsoleErrors(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width\"/>"
        + "</head><body><div style=\"width:2000px\">wide</div>"
        + "<svg id=\"x\" viewBox=\"0 0 200 100\" width=\"200\"><text x=\"10\" y=\"20\">overlapping</text>"
        + "<text x=\"14\" y=\"22\">labels</text><text x=\"10\" y=\"80\">a</text><text x=\"60\" y=\"80\">b</text>"
        + "<text x=\"110\" y=\"80\">c</text></svg>"
        + "<script>console.error('broken')</script></body></html>", StandardCharsets.UTF_8);
    open(bad, 390);
    assertThat(consoleErrors()).anySatisfy(e -> assertThat(e).contains("broken"));
    assertThat(scrollsSideways()).isTrue();
    List<Map<String, Object>> charts = charts();
    assertThat(charts).hasSize(1);
    assertThat((List<Object>) charts.get(0).get("overlaps")).containsExactly("overlapping / labels");
    assertThat(charts.get(0).get("title")).isEqualTo("");
    assertThat(charts.get(0).get("name")).isEqualTo("");
  }
}
