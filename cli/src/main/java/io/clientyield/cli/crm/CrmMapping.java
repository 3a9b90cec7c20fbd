package io.clientyield.cli.crm;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the files and columns of a CRM export, so that an export not shaped like the bundled
 * one can be reviewed without code. Read from JSON with the library's strict reader
 * ({@link #read(Path)}): unknown properties, duplicate keys and nulls fail. The bundled export's
 * mapping is {@link #bundled()}; {@code cli/mappings/} holds it and a one-table example with
 * their documentation.
 *
 * <p>Only the pipeline table is required. The reference tables (accounts, products, teams) may
 * be left out of the mapping or absent from the folder: the review then uses what is there
 * (without account revenue and size in the portfolio, with the pipeline's own list value,
 * manager and office columns where the mapping names them).
 *
 * @param description what the mapping is for (free text)
 * @param pipeline the opportunities table
 * @param accounts the accounts table, if the export has one
 * @param products the products table (list prices), if the export has one
 * @param teams the sales teams table (owner to manager and office), if the export has one
 * @param dateFormat the date pattern of every date column ({@link DateTimeFormatter} syntax,
 *     strict); {@value #ISO_DATE} when absent
 * @param currency the ISO 4217 code of every amount of the pipeline and products tables
 *     ({@code EUR}); {@value #DEFAULT_CURRENCY}, the bundled export's, when absent. An amount
 *     may have at most the currency's decimal places (2 for EUR, 0 for JPY)
 */
public record CrmMapping(
    @JsonProperty("description") Optional<String> description,
    @JsonProperty("pipeline") Pipeline pipeline,
    @JsonProperty("accounts") Optional<Accounts> accounts,
    @JsonProperty("products") Optional<Products> products,
    @JsonProperty("teams") Optional<Teams> teams,
    @JsonProperty("dateFormat") Optional<String> dateFormat,
    @JsonProperty("currency") Optional<String> currency) {

  /** The currency of an export whose mapping names none (the bundled export's). */
  public static final String DEFAULT_CURRENCY = "USD";
  /** The default date pattern: ISO {@code 2017-03-01}. */
  public static final String ISO_DATE = "uuuu-MM-dd";
  /** The review's stages a status value can map to. */
  public static final Set<String> STAGE_VALUES = Set.of("prospecting", "engaging", "won", "lost");
  /** The values an outcome value can map to. */
  public static final Set<String> OUTCOME_VALUES = Set.of("won", "lost", "open");

  private static final String BUNDLED = "/io/clientyield/cli/crm/crm-sales-opportunities.mapping.json";
  private static final long MAX_BYTES = 1 << 20;

  /** Checks that the mapping can be applied. */
  public CrmMapping {
    description = description == null ? Optional.empty() : description;
    accounts = accounts == null ? Optional.empty() : accounts;
    products = products == null ? Optional.empty() : products;
    teams = teams == null ? Optional.empty() : teams;
    dateFormat = dateFormat == null ? Optional.empty() : dateFormat;
    currency = currency == null ? Optional.empty() : currency;
    currency.ifPresent(code -> {
      try {
        Money.currency(code);
      } catch (ValidationException e) {
        throw ValidationException.of("currency", code, "must be an ISO 4217 currency code such as EUR or USD");
      }
    });
    if (pipeline == null) {
      throw ValidationException.of("pipeline", null, "is required");
    }
    if (products.isEmpty() && pipeline.listValue().isEmpty()) {
      throw ValidationException.of("pipeline.listValue", null,
          "is required when the mapping names no products table (every deal needs a list value)");
    }
    if (products.isPresent() && pipeline.product().isEmpty()) {
      throw ValidationException.of("pipeline.product", null,
          "is required when the mapping names a products table");
    }
    dateFormat.ifPresent(f -> {
      try {
        DateTimeFormatter.ofPattern(f, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("dateFormat", f, "must be a date pattern such as " + ISO_DATE);
      }
    });
  }

  /**
   * The opportunities table: one row per opportunity.
   *
   * @param file the file name inside the export's folder
   * @param id the opportunity id column (unique, non-empty)
   * @param owner the column of the sales agent who works the deal
   * @param account the account column, if any (a blank cell: a deal without an account)
   * @param product the product column, if any (matched against the products table)
   * @param stage the column holding the stage, or a status that mixes stage and outcome
   * @param stages each value of the stage column mapped to one of {@code prospecting},
   *     {@code engaging}, {@code won}, {@code lost}
   * @param outcome a separate outcome column, if the export has one
   * @param outcomes each value of the outcome column mapped to {@code won}, {@code lost} or
   *     {@code open} (then the stage column decides)
   * @param engageDate the column of the date the deal was engaged (the history entry of the
   *     {@code engaging} stage)
   * @param closeDate the column of the date the deal was closed
   * @param closeValue the column of the signed value of a won deal, if any (otherwise a won
   *     deal's list value, and zero for a lost one)
   * @param listValue the column of the deal's list value, if any (otherwise the product's list
   *     price from the products table)
   * @param manager the column of the owner's manager, if any (when there is no teams table)
   * @param office the column of the owner's office, if any (when there is no teams table)
   */
  public record Pipeline(
      @JsonProperty("file") String file,
      @JsonProperty("id") String id,
      @JsonProperty("owner") String owner,
      @JsonProperty("account") Optional<String> account,
      @JsonProperty("product") Optional<String> product,
      @JsonProperty("stage") String stage,
      @JsonProperty("stages") Map<String, String> stages,
      @JsonProperty("outcome") Optional<String> outcome,
      @JsonProperty("outcomes") Optional<Map<String, String>> outcomes,
      @JsonProperty("engageDate") String engageDate,
      @JsonProperty("closeDate") String closeDate,
      @JsonProperty("closeValue") Optional<String> closeValue,
      @JsonProperty("listValue") Optional<String> listValue,
      @JsonProperty("manager") Optional<String> manager,
      @JsonProperty("office") Optional<String> office) {

    /** Checks the names and the value tables. */
    public Pipeline {
      fileName("pipeline.file", file);
      column("pipeline.id", id);
      column("pipeline.owner", owner);
      column("pipeline.stage", stage);
      column("pipeline.engageDate", engageDate);
      column("pipeline.closeDate", closeDate);
      account = optionalColumn("pipeline.account", account);
      product = optionalColumn("pipeline.product", product);
      outcome = optionalColumn("pipeline.outcome", outcome);
      closeValue = optionalColumn("pipeline.closeValue", closeValue);
      listValue = optionalColumn("pipeline.listValue", listValue);
      manager = optionalColumn("pipeline.manager", manager);
      office = optionalColumn("pipeline.office", office);
      stages = values("pipeline.stages", stages, STAGE_VALUES);
      outcomes = outcomes == null || outcomes.isEmpty() ? Optional.empty()
          : Optional.of(values("pipeline.outcomes", outcomes.get(), OUTCOME_VALUES));
      if (stages.isEmpty()) {
        throw ValidationException.of("pipeline.stages", stages, "must map at least one value");
      }
      if (outcome.isPresent() != outcomes.isPresent()) {
        throw ValidationException.of("pipeline.outcomes", outcomes.orElse(null),
            "must be given exactly when an outcome column is named (it maps that column's values)");
      }
    }

    /**
     * Returns every column the mapping names, in a fixed order.
     *
     * @return the column names
     */
    public List<String> columns() {
      List<String> c = new ArrayList<>(List.of(id, owner, stage, engageDate, closeDate));
      for (Optional<String> o : List.of(account, product, outcome, closeValue, listValue, manager, office)) {
        o.ifPresent(c::add);
      }
      return c;
    }
  }

  /**
   * The accounts table.
   *
   * @param file the file name inside the export's folder
   * @param name the account name column (unique)
   * @param sector the sector column
   * @param revenue the annual revenue column
   * @param employees the number of employees column
   * @param yearEstablished the year established column
   */
  public record Accounts(
      @JsonProperty("file") String file,
      @JsonProperty("name") String name,
      @JsonProperty("sector") String sector,
      @JsonProperty("revenue") String revenue,
      @JsonProperty("employees") String employees,
      @JsonProperty("yearEstablished") String yearEstablished) {

    /** Checks the names. */
    public Accounts {
      fileName("accounts.file", file);
      column("accounts.name", name);
      column("accounts.sector", sector);
      column("accounts.revenue", revenue);
      column("accounts.employees", employees);
      column("accounts.yearEstablished", yearEstablished);
    }
  }

  /**
   * The products table.
   *
   * @param file the file name inside the export's folder
   * @param name the product name column (unique by its normalized key)
   * @param listPrice the list price column
   */
  public record Products(
      @JsonProperty("file") String file,
      @JsonProperty("name") String name,
      @JsonProperty("listPrice") String listPrice) {

    /** Checks the names. */
    public Products {
      fileName("products.file", file);
      column("products.name", name);
      column("products.listPrice", listPrice);
    }
  }

  /**
   * The sales teams table.
   *
   * @param file the file name inside the export's folder
   * @param owner the sales agent column (unique)
   * @param manager the manager column
   * @param office the regional office column
   */
  public record Teams(
      @JsonProperty("file") String file,
      @JsonProperty("owner") String owner,
      @JsonProperty("manager") String manager,
      @JsonProperty("office") String office) {

    /** Checks the names. */
    public Teams {
      fileName("teams.file", file);
      column("teams.owner", owner);
      column("teams.manager", manager);
      column("teams.office", office);
    }
  }

  /**
   * Returns the mapping of the bundled "CRM Sales Opportunities" export.
   *
   * @return the mapping
   */
  public static CrmMapping bundled() {
    try (InputStream in = CrmMapping.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("the bundled mapping " + BUNDLED + " is missing from the class path");
      }
      return ClientyieldJson.read(in.readAllBytes(), CrmMapping.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled mapping", e);
    }
  }

  /**
   * Reads a mapping file (JSON, at most 1 MiB).
   *
   * @param file the mapping file
   * @return the mapping
   * @throws CrmExportException naming the file and what is wrong (a missing file, malformed
   *     JSON, an unknown property, a rule broken)
   */
  public static CrmMapping read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new CrmExportException(file.toString(), 0, "-", "mapping file not found", null);
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new CrmExportException(file.toString(), 0, "-", "a mapping file is at most 1 MiB", null);
      }
      return ClientyieldJson.read(Files.readAllBytes(file), CrmMapping.class);
    } catch (ValidationException e) {
      throw new CrmExportException(file.toString(), 0, "-", "not a valid mapping: " + e.getMessage(), null);
    } catch (IOException e) {
      throw new CrmExportException(file.toString(), 0, "-", "cannot read: " + e.getMessage(), null);
    }
  }

  /**
   * Returns the currency of the export's amounts.
   *
   * @return {@link #currency()}, or {@value #DEFAULT_CURRENCY} when the mapping names none
   */
  public Currency amountCurrency() {
    return Money.currency(currency.orElse(DEFAULT_CURRENCY));
  }

  /**
   * Returns the date formatter of the date columns.
   *
   * @return a strict formatter of {@link #dateFormat()}, or of {@value #ISO_DATE}
   */
  public DateTimeFormatter dates() {
    return DateTimeFormatter.ofPattern(dateFormat.orElse(ISO_DATE), Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static void fileName(String field, String file) {
    column(field, file);
    if (file.contains("/") || file.contains("\\") || file.equals("..") || file.equals(".")) {
      throw ValidationException.of(field, file, "must be a file name inside the export's folder");
    }
  }

  private static void column(String field, String name) {
    if (name == null || name.isBlank()) {
      throw ValidationException.of(field, name, "must name a column");
    }
  }

  private static Optional<String> optionalColumn(String field, Optional<String> name) {
    if (name == null) {
      return Optional.empty();
    }
    name.ifPresent(n -> column(field, n));
    return name;
  }

  private static Map<String, String> values(String field, Map<String, String> map, Set<String> allowed) {
    if (map == null) {
      throw ValidationException.of(field, null, "is required");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (var e : map.entrySet()) {
      if (!allowed.contains(e.getValue())) {
        throw ValidationException.of(field + "." + e.getKey(), e.getValue(), "must be one of " + new java.util.TreeSet<>(allowed));
      }
      copy.put(e.getKey().strip(), e.getValue());
    }
    return java.util.Collections.unmodifiableMap(copy);
  }
}
