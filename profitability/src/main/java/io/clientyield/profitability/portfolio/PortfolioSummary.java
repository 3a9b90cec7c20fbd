package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import io.clientyield.profitability.pricing.Margins;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Portfolio summary: clients, revenue and profit per cell (all nine cells, LOW/WEAK first), and
 * concentration on the largest clients — the trap of keeping only the biggest cheques.
 *
 * <p>topShare = Σ revenue of the {@code topN} largest clients / total revenue; herfindahl = Σ
 * (client revenue / total)², in [1/n, 1] (1 = one client holds everything). Both are empty when
 * total revenue is zero. Revenues must be non-negative; each client is placed once (a duplicate
 * placement is rejected, naming the client), so the cell counts sum to the number of clients.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cells totals per cell
 * @param totalRevenue total revenue
 * @param totalProfit total profit
 * @param topN how many largest clients {@code topShare} covers
 * @param topShare share of revenue of the topN largest clients, in [0, 1]
 * @param herfindahl Herfindahl index of revenue shares, in (0, 1]
 */
public record PortfolioSummary(
    @JsonProperty("cells") List<CellTotals> cells,
    @JsonProperty("totalRevenue") Money totalRevenue,
    @JsonProperty("totalProfit") Money totalProfit,
    @JsonProperty("topN") int topN,
    @JsonProperty("topShare") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Double> topShare,
    @JsonProperty("herfindahl") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<Double> herfindahl) {

  /**
   * Validates presence.
   */
  public PortfolioSummary {
    cells = Checks.elementsNotNull("cells", cells);
    Checks.notNull("totalRevenue", totalRevenue);
    Checks.notNull("totalProfit", totalProfit);
    Checks.positive("topN", topN);
    topShare = topShare == null ? Optional.empty() : topShare;
    herfindahl = herfindahl == null ? Optional.empty() : herfindahl;
    // one currency across the totals and every cell
    List<Object> amounts = new java.util.ArrayList<>(List.of("totalRevenue", totalRevenue,
        "totalProfit", totalProfit));
    for (int i = 0; i < cells.size(); i++) {
      ProfitAndLoss pl = cells.get(i).profitAndLoss();
      amounts.add("cells[" + i + "].profitAndLoss.revenue");
      amounts.add(pl == null ? null : pl.revenue());
      amounts.add("cells[" + i + "].profitAndLoss.cost");
      amounts.add(pl == null ? null : pl.cost());
      amounts.add("cells[" + i + "].profitAndLoss.profit");
      amounts.add(pl == null ? null : pl.profit());
    }
    Checks.Collector currencies = Checks.collector();
    currencies.oneCurrency(amounts.toArray());
    currencies.throwIfAny();
  }

  @JsonCreator
  static PortfolioSummary fromJson(
      @JsonProperty("cells") List<CellTotals> cells,
      @JsonProperty("totalRevenue") Money totalRevenue,
      @JsonProperty("totalProfit") Money totalProfit,
      @JsonProperty("topN") int topN,
      @JsonProperty("topShare") Optional<Double> topShare,
      @JsonProperty("herfindahl") Optional<Double> herfindahl) {
    return new PortfolioSummary(cells, totalRevenue, totalProfit, topN, topShare, herfindahl);
  }

  /** The computation behind {@link PortfolioMatrix#summarize}. */
  static PortfolioSummary of(
      List<Placement> placements, List<ClientFinancials> financials, Currency currency, int topN) {
    Checks.notNull("placements", placements);
    Checks.notNull("financials", financials);
    Checks.notNull("currency", currency);
    var c = Checks.collector();
    c.elementsNotNull("placements", placements);
    c.elementsNotNull("financials", financials);
    c.throwIfAny();
    if (topN < 1) {
      c.add("topN", topN, "must be >= 1");
    }
    var byClient = new HashMap<ClientId, ClientFinancials>();
    for (ClientFinancials f : financials) {
      if (byClient.put(f.client(), f) != null) {
        c.add("financials", f.client(), "client ids must be unique");
      }
      if (!f.revenue().currency().equals(currency) || !f.profit().currency().equals(currency)) {
        c.add("financials[" + f.client() + "]", f.revenue(), "must be in " + currency);
      }
      if (f.revenue().isNegative()) {
        c.add("financials[" + f.client() + "].revenue", f.revenue(), "must be >= 0");
      }
    }
    var placedAt = new HashMap<ClientId, Integer>();
    for (int i = 0; i < placements.size(); i++) {
      Placement p = placements.get(i);
      Integer first = placedAt.putIfAbsent(p.client(), i);
      if (first != null) {
        c.add("placements[" + i + "].client", p.client(),
            "must be placed once (already placed at placements[" + first + "])");
      }
      if (first == null && !byClient.containsKey(p.client())) {
        c.add("financials", p.client(), "must cover every placed client");
      }
    }
    c.throwIfAny();
    long[] clients = new long[9];
    Money[] rev = new Money[9];
    Money[] prof = new Money[9];
    java.util.Arrays.fill(rev, Money.zero(currency));
    java.util.Arrays.fill(prof, Money.zero(currency));
    var revenues = new ArrayList<Money>();
    Money total = Money.zero(currency);
    Money totalProfit = Money.zero(currency);
    for (Placement p : placements) {
      int i = p.attractiveness().ordinal() * 3 + p.relationship().ordinal();
      var f = byClient.get(p.client());
      clients[i]++;
      rev[i] = rev[i].plus(f.revenue());
      prof[i] = prof[i].plus(f.profit());
      revenues.add(f.revenue());
      total = total.plus(f.revenue());
      totalProfit = totalProfit.plus(f.profit());
    }
    var cells = new ArrayList<CellTotals>();
    for (Attractiveness a : Attractiveness.values()) {
      for (Relationship r : Relationship.values()) {
        int i = a.ordinal() * 3 + r.ordinal();
        cells.add(
            new CellTotals(
                a, r, clients[i], Margins.profitAndLoss(rev[i], rev[i].minus(prof[i]))));
      }
    }
    revenues.sort(java.util.Comparator.reverseOrder());
    Money top = Money.zero(currency);
    for (int i = 0; i < Math.min(topN, revenues.size()); i++) {
      top = top.plus(revenues.get(i));
    }
    Optional<Double> share = Optional.empty();
    Optional<Double> hhi = Optional.empty();
    if (total.signum() > 0) {
      share = Optional.of(Math.min(1.0, top.ratioTo(total).getAsDouble()));
      double h = 0;
      for (Money m : revenues) {
        double s = m.ratioTo(total).getAsDouble();
        h += s * s;
      }
      hhi = Optional.of(Math.min(1.0, h));
    }
    return new PortfolioSummary(cells, total, totalProfit, topN, share, hhi);
  }

  /**
   * Revenue and profit of one client. Immutable and thread-safe.
   *
   * @param client the client
   * @param revenue its revenue (&gt;= 0)
   * @param profit its profit (any sign)
   */
  public record ClientFinancials(
      @JsonProperty("client") ClientId client,
      @JsonProperty("revenue") Money revenue,
      @JsonProperty("profit") Money profit) {
    /**
     * Validates presence.
     */
    public ClientFinancials {
      Checks.notNull("client", client);
      Checks.notNull("revenue", revenue);
      Checks.notNull("profit", profit);
    }
  }

  /**
   * Totals of one cell. Immutable and thread-safe.
   *
   * @param attractiveness the row
   * @param relationship the column
   * @param clients number of clients
   * @param profitAndLoss their revenue and profit, with cost = revenue &minus; profit, margin and
   *     markup
   */
  public record CellTotals(
      @JsonProperty("attractiveness") Attractiveness attractiveness,
      @JsonProperty("relationship") Relationship relationship,
      @JsonProperty("clients") long clients,
      @JsonProperty("profitAndLoss") ProfitAndLoss profitAndLoss) {
    /** Validates presence. */
    public CellTotals {
      Checks.notNull("attractiveness", attractiveness);
      Checks.notNull("relationship", relationship);
      Checks.nonNegative("clients", clients);
      Checks.notNull("profitAndLoss", profitAndLoss);
    }

    /**
     * Revenue of the cell.
     *
     * @return the revenue of {@link #profitAndLoss()}
     */
    @JsonIgnore
    public Money revenue() {
      return profitAndLoss.revenue();
    }

    /**
     * Profit of the cell.
     *
     * @return the profit of {@link #profitAndLoss()}
     */
    @JsonIgnore
    public Money profit() {
      return profitAndLoss.profit();
    }
  }
}
