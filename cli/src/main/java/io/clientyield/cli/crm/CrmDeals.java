package io.clientyield.cli.crm;

import io.clientyield.core.ClientId;
import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.Deal.StageVisit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Maps the export's opportunities to the funnel's {@link Deal}s, by stated rules:
 *
 * <ul>
 *   <li>Stages: {@code prospecting} then {@code engaging}. A Prospecting row reached
 *       {@code prospecting} and is open; Engaging, Won and Lost rows reached {@code engaging}
 *       (they all have an engage date, which becomes the history entry).</li>
 *   <li>Outcome: Won is {@code WON}; Lost is {@code CLIENT_REFUSED} with the reason
 *       {@code lost} (the export records no reason); Prospecting and Engaging are open.</li>
 *   <li>Budget: the deal's list value ({@link #listValue(Opportunity, Currency)}: the product's list
 *       price, {@code products.sales_price} in the bundled export, in the export's currency) for every deal —
 *       the value a deal was worth when worked. The contract value of won deals
 *       ({@code close_value}) is kept apart (see {@link #closeValue(Opportunity, Currency)}).</li>
 *   <li>Manager: the sales agent who works the deal; the agent's manager and regional office
 *       are the attributes {@code manager} and {@code office}, the product's name the
 *       attribute {@code product}. Deals without an account have no client.</li>
 * </ul>
 */
public final class CrmDeals {
  /** The funnel stages of the export. */
  public static final Stages STAGES = Stages.of("prospecting", "engaging");
  /** The reason code given to Lost deals. */
  public static final String LOST_REASON = "lost";
  /** The bundled export's currency (an export's own: {@link CrmExport#currency()}). */
  public static final String CURRENCY = CrmMapping.DEFAULT_CURRENCY;

  private CrmDeals() {}

  /**
   * Maps every used opportunity of the export to a deal.
   *
   * @param export the export
   * @return the deals, in file order
   */
  public static List<Deal> deals(CrmExport export) {
    List<Deal> deals = new ArrayList<>(export.opportunities().size());
    for (Opportunity o : export.opportunities()) {
      deals.add(deal(export, o));
    }
    return deals;
  }

  /**
   * Maps one opportunity.
   *
   * @param export the export
   * @param o the opportunity
   * @return the deal
   */
  public static Deal deal(CrmExport export, Opportunity o) {
    Deal.Builder b = Deal.builder()
        .id(DealId.of(o.id()))
        .manager(ManagerId.of(o.agent()))
        .budget(listValue(o, export.currency()))
        .putAttribute("manager", o.manager())
        .putAttribute("office", o.office())
        .putAttribute("product", o.product());
    o.account().ifPresent(a -> b.client(ClientId.of(a)));
    if (o.stage() == Opportunity.Stage.PROSPECTING) {
      b.reachedStage("prospecting");
    } else {
      b.reachedStage("engaging").addHistory(StageVisit.of("engaging", o.engageDate().orElseThrow()));
    }
    switch (o.stage()) {
      case WON -> b.outcome(Outcome.won()).closedOn(o.closeDate().orElseThrow());
      case LOST -> b.outcome(Outcome.clientRefused(LOST_REASON)).closedOn(o.closeDate().orElseThrow());
      default -> { }
    }
    return b.build();
  }

  /**
   * The list value of an opportunity: the product's list price, or the export's own list value
   * column.
   *
   * @param o the opportunity
   * @param currency the export's currency ({@link CrmExport#currency()})
   * @return the list value
   */
  public static Money listValue(Opportunity o, Currency currency) {
    return Money.of(o.listValue(), currency);
  }

  /**
   * The contract value of a won opportunity.
   *
   * @param o the opportunity
   * @param currency the export's currency ({@link CrmExport#currency()})
   * @return the close value, zero for lost and open ones
   */
  public static Money closeValue(Opportunity o, Currency currency) {
    return Money.of(o.closeValue().filter(v -> o.stage() == Opportunity.Stage.WON).orElse(BigDecimal.ZERO),
        currency);
  }
}
