package io.clientyield.cli.crm;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The "CRM Sales Opportunities" export (accounts, products, sales teams, pipeline), read with
 * Jackson's CSV data format and met with stated rules for its flaws. Nothing is dropped
 * silently: {@link #report()} says how many rows were read, used and set aside, and why.
 *
 * <p>Rules:
 * <ul>
 *   <li>CRLF line endings are read as any line ending.</li>
 *   <li>Products are matched by a normalised key (lower case, letters and digits only), so the
 *       pipeline's {@code GTXPro} matches {@code GTX Pro}; each such match is counted.</li>
 *   <li>Deals without an account are kept (they count in every funnel) and counted; they take
 *       no part in the account portfolio.</li>
 *   <li>Open deals (Prospecting, Engaging) have no close date and no close value: none is
 *       invented. A Prospecting deal has no engage date.</li>
 *   <li>A misspelt sector ({@code technolgy}) is corrected to {@code technology} and counted.</li>
 *   <li>A row with an unknown agent, an unknown product, an unknown stage, or dates/values that
 *       contradict its stage is set aside with its reason; a row that cannot be parsed at all
 *       (a bad date, a bad number) is an error naming file, line and column.</li>
 * </ul>
 *
 * @param accounts account name to sector and revenue
 * @param products canonical product name to list price (USD)
 * @param teams agent to manager and regional office
 * @param opportunities the rows of the pipeline that are used
 * @param report how many rows were read, used, and set aside, and why
 */
public record CrmExport(
    Map<String, Account> accounts,
    Map<String, BigDecimal> products,
    Map<String, Team> teams,
    List<Opportunity> opportunities,
    LoadReport report) {

  /** The file names of the export. */
  public static final String ACCOUNTS = "accounts.csv";
  /** Products and list prices. */
  public static final String PRODUCTS = "products.csv";
  /** Agents, managers, offices. */
  public static final String TEAMS = "sales_teams.csv";
  /** The opportunities. */
  public static final String PIPELINE = "sales_pipeline.csv";

  private static final String BUNDLED = "/io/clientyield/examples/crm-sales-opportunities/";

  /**
   * An account.
   *
   * @param name the account name
   * @param sector the sector (spelling corrected)
   * @param revenue annual revenue in millions of USD
   * @param employees the number of employees
   * @param yearEstablished the year established
   */
  public record Account(String name, String sector, BigDecimal revenue, long employees, int yearEstablished) {}

  /**
   * A sales agent's team.
   *
   * @param agent the agent
   * @param manager the manager
   * @param office the regional office
   */
  public record Team(String agent, String manager, String office) {}

  /**
   * Counts of what the load did.
   *
   * @param rowsRead pipeline rows read
   * @param rowsUsed pipeline rows used
   * @param setAside rows set aside, by reason
   * @param withoutAccount used rows that have no account
   * @param productSpellingsMatched product spellings matched by the normalised key, with counts
   *     (e.g. {@code GTXPro -> GTX Pro})
   * @param sectorCorrections sector spellings corrected, with counts
   */
  public record LoadReport(
      long rowsRead,
      long rowsUsed,
      Map<String, Long> setAside,
      long withoutAccount,
      Map<String, Long> productSpellingsMatched,
      Map<String, Long> sectorCorrections) {

    /**
     * Returns the number of rows set aside.
     *
     * @return the sum over reasons
     */
    public long rowsSetAside() {
      return setAside.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Loads the export bundled with the examples module (the published data set, flaws and all),
   * from the class path: the examples program and this module's tests have it; no published jar
   * contains it (see the data set's README for its terms).
   *
   * @return the export
   */
  public static CrmExport bundled() {
    return load(name -> name, name -> {
      InputStream in = CrmExport.class.getResourceAsStream(BUNDLED + name);
      if (in == null) {
        throw new CrmExportException(name, 0, "-", "bundled file is missing", null);
      }
      return in;
    });
  }

  /**
   * Loads an export with the same CSV layout from a folder (a user's own export).
   *
   * @param folder the folder holding the four CSV files
   * @return the export
   * @throws CrmExportException if a file is missing or malformed (naming file, line, column)
   */
  public static CrmExport fromFolder(Path folder) {
    return load(name -> folder.resolve(name).toString(), name -> {
      Path p = folder.resolve(name);
      if (!Files.isRegularFile(p)) {
        throw new CrmExportException(p.toString(), 0, "-", "file not found", null);
      }
      try {
        return Files.newInputStream(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private interface Source {
    InputStream open(String name);
  }

  /**
   * Reads the four files; {@code shown} gives the name an error reports for a file (the full
   * path of a user's file, the bare name of a bundled one).
   */
  private static CrmExport load(UnaryOperator<String> shown, Source source) {
    Map<String, Long> sectorCorrections = new TreeMap<>();
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (Row r : rows(source, shown, ACCOUNTS, "account", "sector", "year_established", "revenue", "employees")) {
      String sector = r.text("sector");
      if (sector.equals("technolgy")) {
        sectorCorrections.merge("technolgy -> technology", 1L, Long::sum);
        sector = "technology";
      }
      accounts.put(r.text("account"), new Account(r.text("account"), sector, r.decimal("revenue"),
          r.integer("employees"), (int) r.integer("year_established")));
    }
    Map<String, BigDecimal> products = new LinkedHashMap<>();
    Map<String, String> productByKey = new LinkedHashMap<>();
    for (Row r : rows(source, shown, PRODUCTS, "product", "sales_price")) {
      products.put(r.text("product"), r.decimal("sales_price"));
      productByKey.put(key(r.text("product")), r.text("product"));
    }
    Map<String, Team> teams = new LinkedHashMap<>();
    for (Row r : rows(source, shown, TEAMS, "sales_agent", "manager", "regional_office")) {
      teams.put(r.text("sales_agent"), new Team(r.text("sales_agent"), r.text("manager"), r.text("regional_office")));
    }
    List<Opportunity> used = new ArrayList<>();
    Map<String, Long> setAside = new TreeMap<>();
    Map<String, Long> spellings = new TreeMap<>();
    long read = 0;
    long withoutAccount = 0;
    for (Row r : rows(source, shown, PIPELINE, "opportunity_id", "sales_agent", "product", "account",
        "deal_stage", "engage_date", "close_date", "close_value")) {
      read++;
      String rawProduct = r.text("product");
      String product = productByKey.get(key(rawProduct));
      Opportunity.Stage stage = stage(r.text("deal_stage"));
      Optional<LocalDate> engage = r.date("engage_date");
      Optional<LocalDate> close = r.date("close_date");
      Optional<BigDecimal> value = r.optionalDecimal("close_value");
      String account = r.text("account");
      String reason = null;
      if (!teams.containsKey(r.text("sales_agent"))) {
        reason = "agent not in sales_teams.csv";
      } else if (product == null) {
        reason = "product not in products.csv";
      } else if (stage == null) {
        reason = "unknown deal_stage";
      } else if (!account.isEmpty() && !accounts.containsKey(account)) {
        reason = "account not in accounts.csv";
      } else if (stage.closed() && (close.isEmpty() || value.isEmpty() || engage.isEmpty())) {
        reason = "closed deal without engage date, close date or close value";
      } else if (!stage.closed() && (close.isPresent() || value.isPresent())) {
        reason = "open deal with a close date or close value";
      } else if (stage != Opportunity.Stage.PROSPECTING && engage.isEmpty()) {
        reason = "engaged deal without engage date";
      } else if (close.isPresent() && engage.isPresent() && close.get().isBefore(engage.get())) {
        reason = "close date before engage date";
      }
      if (reason != null) {
        setAside.merge(reason, 1L, Long::sum);
        continue;
      }
      if (!rawProduct.equals(product)) {
        spellings.merge(rawProduct + " -> " + product, 1L, Long::sum);
      }
      if (account.isEmpty()) {
        withoutAccount++;
      }
      used.add(new Opportunity(r.text("opportunity_id"), r.text("sales_agent"), product,
          account.isEmpty() ? Optional.empty() : Optional.of(account), stage, engage, close, value, r.line));
    }
    LoadReport report = new LoadReport(read, used.size(), Map.copyOf(setAside), withoutAccount,
        Map.copyOf(spellings), Map.copyOf(sectorCorrections));
    return new CrmExport(Map.copyOf(accounts), Map.copyOf(products), Map.copyOf(teams), List.copyOf(used), report);
  }

  /**
   * The normalised product key: lower case, letters and digits only ({@code GTX Pro} and
   * {@code GTXPro} both give {@code gtxpro}).
   *
   * @param name a product name
   * @return the key
   */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static Opportunity.Stage stage(String text) {
    switch (text) {
      case "Prospecting":
        return Opportunity.Stage.PROSPECTING;
      case "Engaging":
        return Opportunity.Stage.ENGAGING;
      case "Won":
        return Opportunity.Stage.WON;
      case "Lost":
        return Opportunity.Stage.LOST;
      default:
        return null;
    }
  }

  /** One CSV row with its file and line, for errors that name file, line and column. */
  private static final class Row {
    final String file;
    final long line;
    final Map<String, String> values;

    Row(String file, long line, Map<String, String> values) {
      this.file = file;
      this.line = line;
      this.values = values;
    }

    String text(String column) {
      String v = values.get(column);
      return v == null ? "" : v.trim();
    }

    BigDecimal decimal(String column) {
      return optionalDecimal(column).orElseThrow(() ->
          new CrmExportException(file, line, column, "a number is required", null));
    }

    Optional<BigDecimal> optionalDecimal(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new BigDecimal(v));
      } catch (NumberFormatException e) {
        throw new CrmExportException(file, line, column, "'" + v + "' is not a number", e);
      }
    }

    long integer(String column) {
      try {
        return decimal(column).longValueExact();
      } catch (ArithmeticException e) {
        throw new CrmExportException(file, line, column, "'" + text(column) + "' is not a whole number", e);
      }
    }

    Optional<LocalDate> date(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(v));
      } catch (DateTimeParseException e) {
        throw new CrmExportException(file, line, column, "'" + v + "' is not an ISO date (yyyy-mm-dd)", e);
      }
    }
  }

  private static List<Row> rows(
      Source source, UnaryOperator<String> shown, String name, String... required) {
    String file = shown.apply(name);
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withStrictHeaders(false);
    List<Row> rows = new ArrayList<>();
    try (InputStream in = source.open(name);
        MappingIterator<Map<String, String>> it =
            mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
      List<String> header = null;
      while (true) {
        long line;
        Map<String, String> values;
        try {
          if (!it.hasNextValue()) {
            break;
          }
          // the parser now stands at the start of the row
          line = it.getCurrentLocation().getLineNr();
          values = it.nextValue();
        } catch (RuntimeJsonMappingException | IOException e) {
          long l = it.getCurrentLocation() == null ? 0 : it.getCurrentLocation().getLineNr();
          long col = it.getCurrentLocation() == null ? 0 : it.getCurrentLocation().getColumnNr();
          throw new CrmExportException(file, l, String.valueOf(col), "malformed CSV: " + firstLine(e.getMessage()), e);
        }
        if (header == null) {
          header = List.copyOf(values.keySet());
          for (String column : required) {
            if (!values.containsKey(column)) {
              throw new CrmExportException(file, 1, column, "required column is missing from the header " + header, null);
            }
          }
        }
        rows.add(new Row(file, line, values));
      }
    } catch (IOException e) {
      throw new CrmExportException(file, 0, "-", "cannot read: " + e.getMessage(), e);
    }
    return rows;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
