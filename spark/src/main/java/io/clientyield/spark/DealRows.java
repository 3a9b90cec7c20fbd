package io.clientyield.spark;

import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * Maps rows of a {@code Dataset<Row>} to the library's {@link Deal}, by column name.
 *
 * <p>Columns: the deal id, the reached stage and the outcome are required; the reason, manager,
 * client, campaign, budget with its currency (a column or one fixed currency), contracted value,
 * closed-on date, the entry date of each stage (the deal's history) and any grouping attributes
 * are read when configured. Accepted values: strings for ids, stages, reasons and attributes;
 * decimals, integers or decimal strings for money (never a floating-point column, whose binary
 * fractions would be rounded silently); {@code date} columns or ISO-8601 strings for dates; the
 * outcome as {@code WON}, {@code CLIENT_REFUSED}, {@code WE_DECLINED} or {@code LOST_UNKNOWN}
 * (any case), {@code null} or blank while the deal is open.
 *
 * <p>A row whose reached stage is {@code null} (or blank) is not a deal of the funnel: it is
 * <b>set aside</b>, counted by {@link #setAside(Dataset)} and skipped by the aggregators, never an
 * error. Any other value that does not fit is a {@link ValidationException} whose field names the
 * row (by its id, or its content when the id is missing; Spark gives rows no stable number) and
 * the column, e.g. {@code row id=D-17, column budget}.
 *
 * <pre>{@code
 * DealRows rows = DealRows.builder()
 *     .id("opportunity_id").stage("stage").outcome("outcome").reason("reason")
 *     .manager("sales_agent").budget("list_price").currency(Money.currency("USD"))
 *     .closedOn("close_date").enteredOn("engaging", "engage_date")
 *     .attribute("office", "regional_office")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and serializable (Spark ships it to the executors with the aggregators).
 */
public final class DealRows implements RowMapping<Deal> {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String stage;
  private final String outcome;
  private final @Nullable String reason;
  private final @Nullable String manager;
  private final @Nullable String client;
  private final @Nullable String campaign;
  private final @Nullable String budget;
  private final @Nullable String currencyColumn;
  private final @Nullable String currencyCode;
  private final @Nullable String contractedValue;
  private final @Nullable String closedOn;
  private final LinkedHashMap<String, String> enteredOn;
  private final LinkedHashMap<String, String> attributes;

  private DealRows(Builder b) {
    this.id = b.id;
    this.stage = b.stage;
    this.outcome = b.outcome;
    this.reason = b.reason;
    this.manager = b.manager;
    this.client = b.client;
    this.campaign = b.campaign;
    this.budget = b.budget;
    this.currencyColumn = b.currencyColumn;
    this.currencyCode = b.currencyCode;
    this.contractedValue = b.contractedValue;
    this.closedOn = b.closedOn;
    this.enteredOn = new LinkedHashMap<>(b.enteredOn);
    this.attributes = new LinkedHashMap<>(b.attributes);
  }

  /**
   * The library's own column names: {@code id}, {@code stage}, {@code outcome}, {@code reason},
   * {@code manager}, {@code budget} and {@code currency}.
   *
   * @return the mapping
   */
  public static DealRows standard() {
    return builder().reason("reason").manager("manager").budget("budget").currencyColumn("currency")
        .build();
  }

  /**
   * Returns a builder whose required columns are named {@code id}, {@code stage} and
   * {@code outcome}; nothing else is read until configured.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Counts the rows set aside (those whose reached stage is {@code null} or blank): the
   * aggregators skip them, so a caller reports this count beside their results.
   *
   * @param rows the rows
   * @return the number of rows set aside
   * @throws ValidationException if the stage column is not in the rows' schema
   */
  @Override
  public long setAside(Dataset<Row> rows) {
    return Cells.emptyIn(rows, stage);
  }

  /**
   * Maps one row: {@link #deal(Row)}.
   *
   * @param row the row
   * @return the deal, or {@code null} when the row is set aside (no reached stage)
   * @throws ValidationException naming the row and column when a value does not fit, or a
   *     configured column is missing from the row's schema
   */
  @Override
  public @Nullable Deal map(Row row) {
    return deal(row);
  }

  /**
   * Maps one row.
   *
   * @param row the row
   * @return the deal, or {@code null} when the row is set aside (no reached stage)
   * @throws ValidationException naming the row and column when a value does not fit, or a
   *     configured column is missing from the row's schema
   */
  public @Nullable Deal deal(Row row) {
    String reached = Cells.text(row, id, stage);
    if (reached == null) {
      return null;
    }
    String dealId = Cells.text(row, id, id);
    if (dealId == null) {
      throw Cells.fail(row, id, id, null, "must not be null (the deal id)");
    }
    Deal.Builder b = Deal.builder().id(Cells.parse(row, id, id, () -> DealId.of(dealId))).reachedStage(reached);
    Optional<Outcome> result = outcomeOf(row);
    b.outcome(result);
    if (manager != null) {
      String m = Cells.text(row, id, manager);
      b.manager(m == null ? Optional.empty() : Optional.of(Cells.parse(row, id, manager, () -> ManagerId.of(m))));
    }
    if (client != null) {
      String c = Cells.text(row, id, client);
      b.client(c == null ? Optional.empty() : Optional.of(Cells.parse(row, id, client, () -> ClientId.of(c))));
    }
    if (campaign != null) {
      String c = Cells.text(row, id, campaign);
      b.campaign(c == null ? Optional.empty()
          : Optional.of(Cells.parse(row, id, campaign, () -> CampaignId.of(c))));
    }
    if (budget != null) {
      b.budget(money(row, budget));
    }
    if (contractedValue != null) {
      b.contractedValue(money(row, contractedValue));
    }
    if (closedOn != null) {
      b.closedOn(Optional.ofNullable(Cells.date(row, id, closedOn)));
    }
    List<StageVisit> history = new ArrayList<>();
    for (Map.Entry<String, String> e : enteredOn.entrySet()) {
      LocalDate d = Cells.date(row, id, e.getValue());
      if (d != null) {
        history.add(StageVisit.of(e.getKey(), d));
      }
    }
    b.history(history);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String v = Cells.text(row, id, e.getValue());
      if (v != null) {
        b.putAttribute(e.getKey(), v);
      }
    }
    return Cells.build(row, id, "deal", b::build);
  }

  private Optional<Outcome> outcomeOf(Row row) {
    String o = Cells.text(row, id, outcome);
    if (o == null) {
      return Optional.empty();
    }
    Outcome.Kind kind;
    try {
      kind = Outcome.Kind.valueOf(o.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Cells.fail(row, id, outcome, o,
          "must be WON, CLIENT_REFUSED, WE_DECLINED, LOST_UNKNOWN or empty (open)");
    }
    String r = reason == null ? null : Cells.text(row, id, reason);
    if (kind == Outcome.Kind.WON && r != null) {
      throw Cells.fail(row, id, reason, r, "must be empty for a WON deal");
    }
    String because = r;
    return Optional.of(Cells.parse(row, id, reason == null ? outcome : reason,
        () -> new Outcome(kind, Optional.ofNullable(because))));
  }

  private Optional<Money> money(Row row, String column) {
    BigDecimal amount = Cells.decimal(row, id, column);
    if (amount == null) {
      return Optional.empty();
    }
    Currency currency = Cells.currency(row, id, column, currencyColumn, currencyCode);
    return Optional.of(Cells.parse(row, id, column, () -> Money.of(amount, currency)));
  }

  /** Builds a {@link DealRows}; column names are non-blank. */
  public static final class Builder {
    private String id = "id";
    private String stage = "stage";
    private String outcome = "outcome";
    private @Nullable String reason;
    private @Nullable String manager;
    private @Nullable String client;
    private @Nullable String campaign;
    private @Nullable String budget;
    private @Nullable String currencyColumn;
    private @Nullable String currencyCode;
    private @Nullable String contractedValue;
    private @Nullable String closedOn;
    private final LinkedHashMap<String, String> enteredOn = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();

    private Builder() {}

    private static String name(String field, String column) {
      if (column == null || column.isBlank()) {
        throw ValidationException.of(field, column, "must be a non-blank column name");
      }
      return column;
    }

    /**
     * Sets the deal id column (required, default {@code id}).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder id(String column) {
      this.id = name("id", column);
      return this;
    }

    /**
     * Sets the reached-stage column (default {@code stage}); a {@code null} stage sets the row
     * aside.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder stage(String column) {
      this.stage = name("stage", column);
      return this;
    }

    /**
     * Sets the outcome column (default {@code outcome}).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder outcome(String column) {
      this.outcome = name("outcome", column);
      return this;
    }

    /**
     * Reads the loss reason from a column.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder reason(String column) {
      this.reason = name("reason", column);
      return this;
    }

    /**
     * Reads the manager from a column.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder manager(String column) {
      this.manager = name("manager", column);
      return this;
    }

    /**
     * Reads the client from a column.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder client(String column) {
      this.client = name("client", column);
      return this;
    }

    /**
     * Reads the campaign from a column.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder campaign(String column) {
      this.campaign = name("campaign", column);
      return this;
    }

    /**
     * Reads the budget (list value) from a column.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder budget(String column) {
      this.budget = name("budget", column);
      return this;
    }

    /**
     * Reads the currency of the money columns from a column (ISO 4217 codes).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder currencyColumn(String column) {
      this.currencyColumn = name("currency", column);
      this.currencyCode = null;
      return this;
    }

    /**
     * Gives every money column one fixed currency.
     *
     * @param currency the currency
     * @return this builder
     */
    public Builder currency(Currency currency) {
      if (currency == null) {
        throw ValidationException.of("currency", null, "must not be null");
      }
      this.currencyCode = currency.getCurrencyCode();
      this.currencyColumn = null;
      return this;
    }

    /**
     * Reads the contracted value of won deals from a column.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder contractedValue(String column) {
      this.contractedValue = name("contractedValue", column);
      return this;
    }

    /**
     * Reads the closed-on date from a column.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder closedOn(String column) {
      this.closedOn = name("closedOn", column);
      return this;
    }

    /**
     * Reads the day a deal entered a stage from a column (the deal's history, in the order of
     * these calls; a {@code null} date leaves the stage out).
     *
     * @param stageId the stage id
     * @param column the column name
     * @return this builder
     */
    public Builder enteredOn(String stageId, String column) {
      enteredOn.put(name("stageId", stageId), name("enteredOn", column));
      return this;
    }

    /**
     * Reads a grouping attribute from a column ({@code null}: the deal has no such attribute).
     *
     * @param attribute the attribute name of the deal
     * @param column the column name
     * @return this builder
     */
    public Builder attribute(String attribute, String column) {
      attributes.put(name("attribute", attribute), name("attribute " + attribute, column));
      return this;
    }

    /**
     * Builds the mapping.
     *
     * @return the mapping
     */
    public DealRows build() {
      return new DealRows(this);
    }
  }
}
