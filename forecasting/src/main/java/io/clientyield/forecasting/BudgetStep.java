package io.clientyield.forecasting;

/**
 * The steps a planned budget passes through, in order: the planner's plan, refinements during
 * negotiation, the contracted (actual) value and the executed value.
 */
public enum BudgetStep {
  /** The budget the planner set. */
  PLAN,
  /** A refinement during negotiation (there may be several). */
  REFINED,
  /** The value of the signed contract. */
  ACTUAL,
  /** The value after execution. */
  EXECUTED
}
