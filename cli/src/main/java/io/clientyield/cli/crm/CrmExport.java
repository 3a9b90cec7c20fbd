package io.clientyield.cli.crm;

import io.clientyield.core.Money;
import io.clientyield.funnel.DealStatusMapper;
import io.clientyield.funnel.Stages;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A CRM export (a pipeline table and, where present, accounts, products and sales teams), read
 * row by row through a {@link CrmMapping} and met with stated rules for its flaws. Nothing is
 * dropped silently: {@link #report()} says how many rows were read, used and set aside, and why.
 *
 * <p>Errors: a cell that cannot be read (a bad date, a bad amount, an empty or over-long id), a
 * short or long row, an unclosed quote, a duplicate id or a duplicate reference row is a
 * {@link CrmExportException} naming file, line, column and (a short prefix of) the value. Line
 * numbers are exact: a record's first line, counting the line breaks inside quoted fields.
 *
 * <p>Rules:
 * <ul>
 *   <li>LF, CRLF and CR line endings; blank lines are skipped and counted.</li>
 *   <li>Amounts are plain decimals: at most {@value #MAX_INTEGER_DIGITS} digits before the
 *       point and, for list prices, list and close values, at most the decimal places of the
 *       mapping's currency after it (2 for USD and EUR, 0 for JPY; an account's revenue, in
 *       millions, 2), no exponent. Ids are 1 to {@value #MAX_ID} characters.</li>
 *   <li>Products are matched by a normalized key (lower case, letters and digits only), so the
 *       pipeline's {@code GTXPro} matches {@code GTX Pro}; each such match is counted.</li>
 *   <li>Deals without an account are kept (they count in every funnel) and counted; they take
 *       no part in the account portfolio.</li>
 *   <li>Open deals (Prospecting, Engaging) have no close date and no close value: none is
 *       invented. A Prospecting deal has no engage date (one given is ignored).</li>
 *   <li>A misspelt sector ({@code technolgy}) is corrected to {@code technology} and counted.</li>
 *   <li>A row with an unknown owner, product, account or stage value, a negative amount, dates
 *       or values that contradict its stage, or a date outside the plausible window is set
 *       aside with its reason and counted. The plausible window runs from
 *       {@value #PLAUSIBLE_YEARS} years before the 1st percentile to {@value #PLAUSIBLE_YEARS}
 *       years after the 99th percentile of all engage and close dates of the pipeline (so a
 *       handful of dates in year 1 or 2099 cannot move it).</li>
 *   <li>An absent reference table is listed in {@link LoadReport#tablesAbsent()}; the review
 *       then uses what there is.</li>
 * </ul>
 *
 * @param accounts account name to sector and revenue (empty when the export has no accounts)
 * @param products canonical product name to list price (in {@code currency}; empty when the
 *     export has none)
 * @param teams agent to manager and regional office (empty when the export has no teams table)
 * @param opportunities the rows of the pipeline that are used
 * @param report how many rows were read, used, and set aside, and why
 * @param currency the currency of every list price, list value and close value (the mapping's)
 */
public record CrmExport(
    Map<String, Account> accounts,
    Map<String, BigDecimal> products,
    Map<String, Team> teams,
    List<Opportunity> opportunities,
    LoadReport report,
    Currency currency) {

  /** The file names of the bundled export. */
  public static final String ACCOUNTS = "accounts.csv";
  /** Products and list prices. */
  public static final String PRODUCTS = "products.csv";
  /** Agents, managers, offices. */
  public static final String TEAMS = "sales_teams.csv";
  /** The opportunities. */
  public static final String PIPELINE = "sales_pipeline.csv";
  /** The longest id, in characters. */
  public static final int MAX_ID = 200;
  /** The most digits of an amount before the decimal point. */
  public static final int MAX_INTEGER_DIGITS = 15;
  /** The plausible window around the export's own span of dates, in years on each side. */
  public static final int PLAUSIBLE_YEARS = 5;
  /** How many pipeline rows pass between two progress reports. */
  public static final long PROGRESS_EVERY = 100_000;

  private static final String BUNDLED = "/io/clientyield/examples/crm-sales-opportunities/";
  private static final int DATE_CACHE = 100_000;
  /** Amounts with at most 0, 1, 2 or 3 decimal places (ISO 4217 currencies have 0, 2 or 3). */
  private static final Pattern[] AMOUNT = {
      Pattern.compile("-?[0-9]{1," + MAX_INTEGER_DIGITS + "}"),
      Pattern.compile("-?[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9])?"),
      Pattern.compile("-?[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1,2})?"),
      Pattern.compile("-?[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1,3})?")};
  /** The decimal places of an account's revenue (in millions). */
  private static final int REVENUE_DECIMALS = 2;

  /** Copies the collections. */
  public CrmExport {
    java.util.Objects.requireNonNull(currency, "currency");
    accounts = Map.copyOf(accounts);
    products = Map.copyOf(products);
    teams = Map.copyOf(teams);
    opportunities = List.copyOf(opportunities);
  }

  /**
   * An account.
   *
   * @param name the account name
   * @param sector the sector (spelling corrected)
   * @param revenue annual revenue in millions (as the accounts table gives it)
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
   * @param rowsRead pipeline rows read (blank lines not counted)
   * @param rowsUsed pipeline rows used
   * @param setAside rows set aside, by reason
   * @param withoutAccount used rows that have no account
   * @param productSpellingsMatched product spellings matched by the normalized key, with counts
   *     (e.g. {@code GTXPro -> GTX Pro})
   * @param sectorCorrections sector spellings corrected, with counts
   * @param blankLines blank lines skipped, over all files
   * @param tablesAbsent the reference tables the export does not have (not named by the mapping,
   *     or missing from the folder)
   */
  public record LoadReport(
      long rowsRead,
      long rowsUsed,
      Map<String, Long> setAside,
      long withoutAccount,
      Map<String, Long> productSpellingsMatched,
      Map<String, Long> sectorCorrections,
      long blankLines,
      List<String> tablesAbsent) {

    /** Copies the collections. */
    public LoadReport {
      setAside = Map.copyOf(setAside);
      productSpellingsMatched = Map.copyOf(productSpellingsMatched);
      sectorCorrections = Map.copyOf(sectorCorrections);
      tablesAbsent = List.copyOf(tablesAbsent);
    }

    /**
     * Returns the number of rows set aside.
     *
     * @return the sum over reasons
     */
    public long rowsSetAside() {
      return setAside.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Told how far a long load has come. */
  @FunctionalInterface
  public interface Progress {
    /** Reports nothing. */
    Progress NONE = (file, rows) -> { };

    /**
     * Called every {@value CrmExport#PROGRESS_EVERY} pipeline rows and once at the end of
     * each file.
     *
     * @param file the file being read
     * @param rows the rows read from it so far
     */
    void rows(String file, long rows);
  }

  /**
   * Loads the export bundled with the examples module (the published data set, flaws and all),
   * from the class path: the examples program and this module's tests have it; no published jar
   * contains it (see the data set's README for its terms).
   *
   * @return the export
   */
  public static CrmExport bundled() {
    return load(CrmMapping.bundled(), name -> name, name -> {
      InputStream in = CrmExport.class.getResourceAsStream(BUNDLED + name);
      if (in == null) {
        throw new CrmExportException(name, 0, "-", "bundled file is missing", null);
      }
      return in;
    }, name -> CrmExport.class.getResource(BUNDLED + name) != null, Progress.NONE);
  }

  /**
   * Loads an export shaped like the bundled one from a folder (a user's own export).
   *
   * @param folder the folder holding the CSV files
   * @return the export
   * @throws CrmExportException if a file is missing or malformed (naming file, line, column)
   */
  public static CrmExport fromFolder(Path folder) {
    return fromFolder(folder, CrmMapping.bundled(), Progress.NONE);
  }

  /**
   * Loads an export from a folder through a mapping.
   *
   * @param folder the folder holding the CSV files the mapping names
   * @param mapping the files and columns of the export
   * @param progress told how far the load has come
   * @return the export
   * @throws CrmExportException if the pipeline file is missing or any file is malformed (naming
   *     file, line, column and value)
   */
  public static CrmExport fromFolder(Path folder, CrmMapping mapping, Progress progress) {
    return load(mapping, name -> folder.resolve(name).toString(), name -> {
      Path p = folder.resolve(name);
      if (!Files.isRegularFile(p)) {
        throw new CrmExportException(p.toString(), 0, "-", "file not found", null);
      }
      try {
        return Files.newInputStream(p);
      } catch (IOException e) {
        throw new CrmExportException(p.toString(), 0, "-", "cannot read: " + e.getMessage(), null);
      }
    }, name -> Files.isRegularFile(folder.resolve(name)), progress);
  }

  /**
   * The export as it stood on a date: deals engaged after it are left out (set aside as
   * "engaged after the as-of date"), deals closed after it are open again (Engaging, without
   * close date or value). Prospecting deals, which carry no date, are kept.
   *
   * @param asOf the date
   * @return the export as of that date
   */
  public CrmExport asOf(LocalDate asOf) {
    List<Opportunity> kept = new ArrayList<>(opportunities.size());
    long later = 0;
    long withoutAccount = 0;
    for (Opportunity o : opportunities) {
      if (o.engageDate().filter(d -> d.isAfter(asOf)).isPresent()) {
        later++;
        continue;
      }
      if (o.closeDate().filter(d -> d.isAfter(asOf)).isPresent()) {
        o = new Opportunity(o.id(), o.agent(), o.product(), o.account(), Opportunity.Stage.ENGAGING,
            o.engageDate(), Optional.empty(), Optional.empty(), o.listValue(), o.manager(), o.office(), o.line());
      }
      if (o.account().isEmpty()) {
        withoutAccount++;
      }
      kept.add(o);
    }
    Map<String, Long> setAside = new TreeMap<>(report.setAside());
    if (later > 0) {
      setAside.merge("engaged after the as-of date " + asOf, later, Long::sum);
    }
    LoadReport r = new LoadReport(report.rowsRead(), kept.size(), setAside, withoutAccount,
        report.productSpellingsMatched(), report.sectorCorrections(), report.blankLines(), report.tablesAbsent());
    return new CrmExport(accounts, products, teams, kept, r, currency);
  }

  private interface Source {
    InputStream open(String name);
  }

  private interface Exists {
    boolean test(String name);
  }

  /**
   * Reads the files; {@code shown} gives the name an error reports for a file (the full path of
   * a user's file, the bare name of a bundled one).
   */
  private static CrmExport load(
      CrmMapping m, UnaryOperator<String> shown, Source source, Exists exists, Progress progress) {
    if (!exists.test(m.pipeline().file())) {
      throw new CrmExportException(shown.apply(m.pipeline().file()), 0, "-", "file not found", null);
    }
    List<String> absent = new ArrayList<>();
    long[] blank = new long[1];
    Map<String, Long> sectorCorrections = new TreeMap<>();
    Map<String, Account> accounts = new LinkedHashMap<>();
    if (m.accounts().isPresent() && exists.test(m.accounts().get().file())) {
      CrmMapping.Accounts t = m.accounts().get();
      Map<String, Long> lines = new HashMap<>();
      read(source, shown, t.file(), blank, List.of(t.name(), t.sector(), t.revenue(), t.employees(), t.yearEstablished()), r -> {
        String name = r.id(t.name());
        duplicate(r, t.name(), name, lines, "account");
        String sector = r.text(t.sector());
        if (sector.equals("technolgy")) {
          sectorCorrections.merge("technolgy -> technology", 1L, Long::sum);
          sector = "technology";
        }
        accounts.put(name, new Account(name, sector, r.amount(t.revenue(), REVENUE_DECIMALS).orElse(BigDecimal.ZERO),
            r.whole(t.employees(), Long.MAX_VALUE), (int) r.whole(t.yearEstablished(), 9999)));
      });
    } else {
      absent.add(m.accounts().map(CrmMapping.Accounts::file).orElse("accounts"));
    }
    Map<String, BigDecimal> products = new LinkedHashMap<>();
    Map<String, String> productByKey = new HashMap<>();
    if (m.products().isPresent() && exists.test(m.products().get().file())) {
      CrmMapping.Products t = m.products().get();
      Map<String, Long> lines = new HashMap<>();
      read(source, shown, t.file(), blank, List.of(t.name(), t.listPrice()), r -> {
        String name = r.id(t.name());
        duplicate(r, t.name(), key(name), lines, "product (same name apart from case, spaces and punctuation)");
        BigDecimal price = r.amount(t.listPrice(), decimals(m.amountCurrency())).orElseThrow(() -> r.error(t.listPrice(), "a list price is required"));
        if (price.signum() < 0) {
          throw r.error(t.listPrice(), "a list price must not be negative: " + r.shown(t.listPrice()));
        }
        products.put(name, price);
        productByKey.put(key(name), name);
      });
    } else {
      absent.add(m.products().map(CrmMapping.Products::file).orElse("products"));
      if (m.pipeline().listValue().isEmpty()) {
        throw new CrmExportException(shown.apply(m.products().get().file()), 0, "-",
            "file not found, and the mapping names no list value column of the pipeline: no deal would have a list value",
            null);
      }
    }
    Map<String, Team> teams = new LinkedHashMap<>();
    if (m.teams().isPresent() && exists.test(m.teams().get().file())) {
      CrmMapping.Teams t = m.teams().get();
      Map<String, Long> lines = new HashMap<>();
      read(source, shown, t.file(), blank, List.of(t.owner(), t.manager(), t.office()), r -> {
        String agent = r.id(t.owner());
        duplicate(r, t.owner(), agent, lines, "sales agent");
        teams.put(agent, new Team(agent, r.text(t.manager()), r.text(t.office())));
      });
    } else {
      absent.add(m.teams().map(CrmMapping.Teams::file).orElse("teams"));
    }
    Pipeline p = new Pipeline(m, accounts, products, productByKey, teams, absent);
    String file = m.pipeline().file();
    read(source, shown, file, blank, m.pipeline().columns(), r -> {
      p.add(r);
      if (p.read % PROGRESS_EVERY == 0) {
        progress.rows(shown.apply(file), p.read);
      }
    });
    progress.rows(shown.apply(file), p.read);
    return p.result(blank[0], sectorCorrections);
  }

  /** The pipeline's rows as they stream by. */
  private static final class Pipeline {
    final CrmMapping.Pipeline m;
    final DateTimeFormatter dates;
    final boolean isoDates;
    final DealStatusMapper statuses;
    final Map<String, Account> accounts;
    final Map<String, BigDecimal> products;
    final Map<String, String> productByKey;
    final Map<String, Team> teams;
    final List<String> absent;
    final boolean hasAccounts;
    final boolean hasProducts;
    final boolean hasTeams;
    final Map<String, String> pool = new HashMap<>();
    final Map<String, Long> ids = new HashMap<>();
    final List<Opportunity> used = new ArrayList<>();
    final List<String> spellingKeys = new ArrayList<>();
    int[] spelling = new int[1024];
    final Map<String, Long> setAside = new TreeMap<>();
    long read;
    private final Currency currency;
    private final int decimals;

    Pipeline(CrmMapping mapping, Map<String, Account> accounts, Map<String, BigDecimal> products,
        Map<String, String> productByKey, Map<String, Team> teams, List<String> absent) {
      this.m = mapping.pipeline();
      this.currency = mapping.amountCurrency();
      this.decimals = decimals(currency);
      this.dates = mapping.dates();
      this.isoDates = mapping.dateFormat().isEmpty();
      this.accounts = accounts;
      this.products = products;
      this.productByKey = productByKey;
      this.teams = teams;
      this.absent = absent;
      this.hasAccounts = mapping.accounts().isPresent() && !absent.contains(mapping.accounts().get().file());
      this.hasProducts = mapping.products().isPresent() && !absent.contains(mapping.products().get().file());
      this.hasTeams = mapping.teams().isPresent() && !absent.contains(mapping.teams().get().file());
      Stages stages = CrmDeals.STAGES;
      DealStatusMapper.Builder b = DealStatusMapper.builder(stages);
      m.stages().forEach((value, stage) -> {
        switch (stage) {
          case "prospecting" -> b.open(value, "prospecting");
          case "engaging" -> b.open(value, "engaging");
          case "won" -> b.closed(value, "engaging", Outcome.won());
          default -> b.closed(value, "engaging", Outcome.clientRefused(CrmDeals.LOST_REASON));
        }
      });
      this.statuses = b.build();
    }

    String pooled(String s) {
      String p = pool.putIfAbsent(s, s);
      return p == null ? s : p;
    }

    Opportunity.@Nullable Stage stage(String status, String outcome) {
      if (m.outcome().isPresent()) {
        String o = m.outcomes().orElseThrow().get(outcome.strip());
        if (o == null) {
          return null;
        }
        if (o.equals("won")) {
          return Opportunity.Stage.WON;
        }
        if (o.equals("lost")) {
          return Opportunity.Stage.LOST;
        }
      }
      DealStatusMapper.Mapped mapped;
      try {
        mapped = statuses.map(status);
      } catch (ValidationException e) {
        return null;
      }
      if (mapped.outcome().isPresent()) {
        return mapped.outcome().get().isWon() ? Opportunity.Stage.WON : Opportunity.Stage.LOST;
      }
      return mapped.reachedStage().equals("prospecting") ? Opportunity.Stage.PROSPECTING : Opportunity.Stage.ENGAGING;
    }

    void add(Row r) {
      read++;
      String id = r.id(m.id());
      Long first = ids.putIfAbsent(id, r.line);
      if (first != null) {
        throw r.error(m.id(), "duplicate id " + CrmExportException.shown(id) + " (first on line " + first + ")");
      }
      String agent = r.text(m.owner());
      String rawProduct = m.product().map(r::text).orElse("");
      String product = hasProducts ? productByKey.get(key(rawProduct)) : rawProduct;
      String account = m.account().map(r::text).orElse("");
      Opportunity.Stage stage = stage(r.text(m.stage()), m.outcome().map(r::text).orElse(""));
      Optional<LocalDate> engage = r.date(m.engageDate(), dates, isoDates);
      if (stage == Opportunity.Stage.PROSPECTING) {
        engage = Optional.empty(); // not engaged yet: a date given (e.g. a created date) is no engagement
      }
      Optional<LocalDate> close = r.date(m.closeDate(), dates, isoDates);
      Optional<BigDecimal> list = hasProducts ? Optional.ofNullable(product == null ? null : products.get(product))
          : r.amount(m.listValue().orElseThrow(), decimals);
      Optional<BigDecimal> value = m.closeValue().isPresent() ? r.amount(m.closeValue().get(), decimals)
          : stage == Opportunity.Stage.WON ? list
          : stage == Opportunity.Stage.LOST ? Optional.of(BigDecimal.ZERO) : Optional.empty();
      Team team = teams.get(agent);
      String reason = null;
      if (agent.isEmpty()) {
        reason = "no sales agent";
      } else if (hasTeams && team == null) {
        reason = "agent not in the teams table";
      } else if (product == null) {
        reason = "product not in the products table";
      } else if (stage == null) {
        reason = m.outcome().isPresent() ? "unknown stage or outcome value" : "unknown stage value";
      } else if (hasAccounts && !account.isEmpty() && !accounts.containsKey(account)) {
        reason = "account not in the accounts table";
      } else if (list.isEmpty()) {
        reason = "no list value";
      } else if (list.get().signum() < 0 || value.filter(v -> v.signum() < 0).isPresent()) {
        reason = "negative amount";
      } else if (stage.closed() && (close.isEmpty() || value.isEmpty() || engage.isEmpty())) {
        reason = "closed deal without engage date, close date or close value";
      } else if (!stage.closed() && (close.isPresent() || (m.closeValue().isPresent() && value.isPresent()))) {
        reason = "open deal with a close date or close value";
      } else if (stage != Opportunity.Stage.PROSPECTING && engage.isEmpty()) {
        reason = "engaged deal without engage date";
      } else if (close.isPresent() && engage.isPresent() && close.get().isBefore(engage.get())) {
        reason = "close date before engage date";
      }
      if (reason != null) {
        setAside.merge(reason, 1L, Long::sum);
        return;
      }
      int sp = -1;
      if (!rawProduct.equals(product)) {
        String k = rawProduct + " -> " + product;
        sp = spellingKeys.indexOf(k);
        if (sp < 0) {
          sp = spellingKeys.size();
          spellingKeys.add(k);
        }
      }
      if (used.size() == spelling.length) {
        spelling = Arrays.copyOf(spelling, spelling.length * 2);
      }
      spelling[used.size()] = sp;
      String manager = hasTeams ? team.manager() : m.manager().map(r::text).filter(s -> !s.isEmpty()).orElse(Opportunity.UNKNOWN);
      String office = hasTeams ? team.office() : m.office().map(r::text).filter(s -> !s.isEmpty()).orElse(Opportunity.UNKNOWN);
      used.add(new Opportunity(id, pooled(agent), pooled(product),
          account.isEmpty() ? Optional.empty() : Optional.of(pooled(account)), stage, engage, close,
          stage.closed() ? value : Optional.empty(), list.get(), pooled(manager), pooled(office), r.line));
    }

    CrmExport result(long blankLines, Map<String, Long> sectorCorrections) {
      // the plausible window: PLAUSIBLE_YEARS around the 1st to 99th percentile of the dates
      long[] days = new long[used.size() * 2];
      int n = 0;
      for (Opportunity o : used) {
        if (o.engageDate().isPresent()) {
          days[n++] = o.engageDate().get().toEpochDay();
        }
        if (o.closeDate().isPresent()) {
          days[n++] = o.closeDate().get().toEpochDay();
        }
      }
      List<Opportunity> kept = used;
      if (n > 0) {
        Arrays.sort(days, 0, n);
        LocalDate from = LocalDate.ofEpochDay(days[(int) ((n - 1) * 0.01)]).minusYears(PLAUSIBLE_YEARS);
        LocalDate to = LocalDate.ofEpochDay(days[(int) Math.ceil((n - 1) * 0.99)]).plusYears(PLAUSIBLE_YEARS);
        String reason = "date outside the plausible window " + from + " to " + to;
        kept = new ArrayList<>(used.size());
        for (int i = 0; i < used.size(); i++) {
          Opportunity o = used.get(i);
          if (outside(o.engageDate(), from, to) || outside(o.closeDate(), from, to)) {
            setAside.merge(reason, 1L, Long::sum);
            spelling[i] = -1;
          } else {
            kept.add(o);
          }
        }
      }
      long withoutAccount = kept.stream().filter(o -> o.account().isEmpty()).count();
      Map<String, Long> spellings = new TreeMap<>();
      for (int i = 0; i < used.size(); i++) {
        if (spelling[i] >= 0) {
          spellings.merge(spellingKeys.get(spelling[i]), 1L, Long::sum);
        }
      }
      LoadReport report = new LoadReport(read, kept.size(), setAside, withoutAccount, spellings,
          sectorCorrections, blankLines, absent);
      return new CrmExport(accounts, products, teams, kept, report, currency);
    }

    private static boolean outside(Optional<LocalDate> d, LocalDate from, LocalDate to) {
      return d.isPresent() && (d.get().isBefore(from) || d.get().isAfter(to));
    }
  }

  private static void duplicate(Row r, String column, String key, Map<String, Long> lines, String what) {
    Long first = lines.putIfAbsent(key, r.line);
    if (first != null) {
      throw r.error(column, "duplicate " + what + " " + r.shown(column) + " (first on line " + first + ")");
    }
  }

  /**
   * The normalized product key: lower case, letters and digits only ({@code GTX Pro} and
   * {@code GTXPro} both give {@code gtxpro}).
   *
   * @param name a product name
   * @return the key
   */
  public static String key(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = Character.toLowerCase(name.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The decimal places an amount in the currency may have (its minor unit's). */
  private static int decimals(Currency currency) {
    return Math.min(AMOUNT.length - 1, Money.zero(currency).amount().scale());
  }

  /** One CSV row with its file and line, for errors that name file, line, column and value. */
  private static final class Row {
    final String file;
    final long line;
    final Map<String, Integer> index;
    final List<String> values;
    final Map<String, LocalDate> dateCache;

    Row(String file, long line, Map<String, Integer> index, List<String> values, Map<String, LocalDate> dateCache) {
      this.dateCache = dateCache;
      this.file = file;
      this.line = line;
      this.index = index;
      this.values = values;
    }

    CrmExportException error(String column, String problem) {
      return new CrmExportException(file, line, column, problem, null);
    }

    String shown(String column) {
      return CrmExportException.shown(text(column));
    }

    String text(String column) {
      Integer i = index.get(column);
      return i == null ? "" : values.get(i).strip();
    }

    String id(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        throw error(column, "an id must not be empty");
      }
      if (v.length() > MAX_ID) {
        throw error(column, "an id is at most " + MAX_ID + " characters: " + CrmExportException.shown(v));
      }
      return v;
    }

    Optional<BigDecimal> amount(String column, int decimals) {
      String v = text(column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      if (!AMOUNT[decimals].matcher(v).matches()) {
        throw error(column, CrmExportException.shown(v) + " is not an amount (a plain decimal with at most "
            + MAX_INTEGER_DIGITS + " digits before the point and " + (decimals == 0 ? "none" : decimals)
            + " after it)");
      }
      return Optional.of(new BigDecimal(v));
    }

    long whole(String column, long max) {
      String v = text(column);
      if (v.isEmpty() || v.length() > 19 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw error(column, CrmExportException.shown(v) + " is not a whole number >= 0");
      }
      long x = Long.parseLong(v.length() == 19 && v.compareTo("9223372036854775807") > 0 ? "-1" : v);
      if (x < 0 || x > max) {
        throw error(column, CrmExportException.shown(v) + " is not a whole number in [0, " + max + "]");
      }
      return x;
    }

    Optional<LocalDate> date(String column, DateTimeFormatter format, boolean iso) {
      String v = text(column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      LocalDate known = dateCache.get(v);
      if (known != null) {
        return Optional.of(known);
      }
      try {
        if (v.length() > 40) {
          throw new DateTimeParseException("too long", v, 0);
        }
        LocalDate d = LocalDate.parse(v, format);
        if (dateCache.size() < DATE_CACHE) {
          dateCache.put(v, d); // exports repeat a few thousand days: parse each once, share it
        }
        return Optional.of(d);
      } catch (DateTimeParseException e) {
        throw error(column, CrmExportException.shown(v) + (iso ? " is not an ISO date (yyyy-mm-dd)"
            : " is not a date in the form " + format));
      }
    }
  }

  private interface RowHandler {
    void accept(Row r);
  }

  private static void read(Source source, UnaryOperator<String> shown, String name, long[] blank,
      List<String> required, RowHandler handler) {
    String file = shown.apply(name);
    InputStream in = source.open(name);
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    try (CsvRecords csv = new CsvRecords(reader, file)) {
      if (!csv.next()) {
        throw new CrmExportException(file, 0, "-", "the file is empty (a header row is required)", null);
      }
      Map<String, LocalDate> dateCache = new HashMap<>();
      List<String> header = new ArrayList<>();
      Map<String, Integer> index = new HashMap<>();
      for (String h : csv.fields()) {
        String name1 = h.strip();
        if (index.putIfAbsent(name1, header.size()) != null) {
          throw new CrmExportException(file, csv.line(), name1, "the header names this column twice", null);
        }
        header.add(name1);
      }
      for (String column : required) {
        if (!index.containsKey(column)) {
          throw new CrmExportException(file, csv.line(), column,
              "required column is missing from the header " + header, null);
        }
      }
      while (csv.next()) {
        List<String> values = csv.fields();
        if (values.size() != header.size()) {
          String column = values.size() < header.size() ? header.get(values.size()) : String.valueOf(values.size());
          throw new CrmExportException(file, csv.line(), column, "the row has " + values.size()
              + " fields, the header " + header.size(), null);
        }
        handler.accept(new Row(file, csv.line(), index, values, dateCache));
      }
      blank[0] += csv.blankLines();
    } catch (IOException e) {
      throw new CrmExportException(file, 0, "-", "cannot read: " + e.getMessage(), null);
    }
  }
}
