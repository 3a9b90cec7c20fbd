package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/** The committed CDNOW 1/10 sample (see the README next to it), read once. */
final class CdnowSample {
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  private static final String DIR = "/io/clientyield/profitability/repeat/";

  static final List<Purchase> PURCHASES = readPurchases();
  static final RepeatSummaries SUMMARIES = summarize(PURCHASES);

  /** One row of the published summary. */
  record Published(String id, long x, double tx, double bigT, double zbar) {}

  private CdnowSample() {}

  static RepeatSummaries summarize(List<Purchase> purchases) {
    RepeatSummaryAccumulator acc = new RepeatSummaryAccumulator(USD, CALIBRATION_END, HOLDOUT_END);
    purchases.forEach(acc::add);
    return acc.result();
  }

  private static List<Purchase> readPurchases() {
    List<Purchase> out = new ArrayList<>();
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    for (String line : lines("CDNOW_sample.txt")) {
      String[] c = line.trim().split("\\s+");
      if (c.length != 5) {
        continue;
      }
      out.add(Purchase.of(ClientId.of(c[1]), LocalDate.parse(c[2], f), Money.of(c[4], "USD")));
    }
    return List.copyOf(out);
  }

  static List<Published> published() {
    List<Published> out = new ArrayList<>();
    for (String line : lines("cdnow_sample_summary.csv")) {
      if (line.startsWith("ID")) {
        continue;
      }
      String[] c = line.split(",");
      out.add(new Published(c[0], Long.parseLong(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
          Double.parseDouble(c[4])));
    }
    return out;
  }

  private static List<String> lines(String name) {
    try (InputStream in = Objects.requireNonNull(CdnowSample.class.getResourceAsStream(DIR + name), name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      List<String> out = new ArrayList<>();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (!l.isBlank()) {
          out.add(l);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
