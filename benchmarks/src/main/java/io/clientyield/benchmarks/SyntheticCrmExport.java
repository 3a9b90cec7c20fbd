package io.clientyield.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a seeded synthetic CRM export shaped like the bundled "CRM Sales Opportunities" one:
 * the same four files and columns, 85 accounts (one sector misspelt), the 7 products and list
 * prices, 35 agents under 6 managers in 3 offices, and any number of pipeline rows with the
 * bundled stage mix (about 6 % Prospecting, 18 % Engaging, 48 % Won, 28 % Lost), 16 % without
 * an account, {@code GTXPro} spelt without the space, engage dates 2016-10-20 … 2017-12-27,
 * close 1–138 days later, won close values 80–110 % of the list price, CRLF line endings. The
 * same seed and row count give the same bytes.
 */
public final class SyntheticCrmExport {
  private static final String[] PRODUCTS = {
    "GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTX Plus Pro", "GTX Plus Basic", "GTK 500"};
  private static final long[] PRICES = {550, 4821, 55, 3393, 5482, 1096, 26768};
  private static final String[] SECTORS = {
    "technolgy", "medical", "retail", "software", "finance", "marketing", "entertainment",
    "telecommunications", "services", "employment"};
  private static final String[] OFFICES = {"Central", "East", "West"};
  private static final int ACCOUNTS = 85;
  private static final int MANAGERS = 6;
  private static final int AGENTS = 35;
  private static final LocalDate FIRST_ENGAGE = LocalDate.of(2016, 10, 20);
  private static final int ENGAGE_DAYS = 434;

  private SyntheticCrmExport() {}

  /**
   * Writes the export's four CSV files into a folder.
   *
   * @param dir the folder (created if missing)
   * @param rows the number of pipeline rows
   * @param seed the seed
   * @throws IOException if a file cannot be written
   */
  public static void write(Path dir, int rows, long seed) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8)) {
      w.write("account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n");
      for (int a = 0; a < ACCOUNTS; a++) {
        w.write(String.format(Locale.ROOT, "%s,%s,%d,%d.%02d,%d,United States,\r\n", account(a),
            SECTORS[a % SECTORS.length], 1979 + random.nextInt(38), 4 + random.nextInt(11_000),
            random.nextInt(100), 9 + random.nextInt(30_000)));
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("products.csv"), StandardCharsets.UTF_8)) {
      w.write("product,series,sales_price\r\n");
      for (int p = 0; p < PRODUCTS.length; p++) {
        w.write(PRODUCTS[p] + "," + PRODUCTS[p].substring(0, 3) + "," + PRICES[p] + "\r\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("sales_teams.csv"), StandardCharsets.UTF_8)) {
      w.write("sales_agent,manager,regional_office\r\n");
      for (int s = 0; s < AGENTS; s++) {
        int m = s % MANAGERS;
        w.write("Agent " + s + ",Manager " + m + "," + OFFICES[m / 2] + "\r\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("sales_pipeline.csv"), StandardCharsets.UTF_8)) {
      w.write("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n");
      StringBuilder sb = new StringBuilder(96);
      for (int i = 0; i < rows; i++) {
        sb.setLength(0);
        int p = random.nextInt(PRODUCTS.length);
        double u = random.nextDouble();
        String stage = u < 0.057 ? "Prospecting" : u < 0.237 ? "Engaging" : u < 0.72 ? "Won" : "Lost";
        sb.append(String.format(Locale.ROOT, "%08X", (i * 0x9E3779B1L) & 0xFFFFFFFFL ^ 0x5bd1e995L))
            .append(',').append("Agent ").append(random.nextInt(AGENTS)).append(',')
            .append(p == 1 ? "GTXPro" : PRODUCTS[p]).append(',');
        if (random.nextDouble() >= 0.16) {
          sb.append(account(random.nextInt(ACCOUNTS)));
        }
        sb.append(',').append(stage).append(',');
        if (!stage.equals("Prospecting")) {
          LocalDate engage = FIRST_ENGAGE.plusDays(random.nextInt(ENGAGE_DAYS));
          sb.append(engage).append(',');
          if (stage.equals("Won") || stage.equals("Lost")) {
            sb.append(engage.plusDays(1 + random.nextInt(138))).append(',');
            sb.append(stage.equals("Won") ? Math.round(PRICES[p] * (0.8 + 0.3 * random.nextDouble())) : 0);
          } else {
            sb.append(',');
          }
        } else {
          sb.append(",,");
        }
        w.write(sb.append("\r\n").toString());
      }
    }
  }

  private static String account(int a) {
    return "Account " + a;
  }
}
