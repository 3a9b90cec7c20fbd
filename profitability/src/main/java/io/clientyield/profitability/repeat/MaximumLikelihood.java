package io.clientyield.profitability.repeat;

import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Deterministic maximum likelihood over log-parameters: Hipparchus' Nelder-Mead from log θ = 0
 * (steps 1), a restart from the optimum (steps 0.1), then standard errors from the numerical
 * Hessian (central differences, step {@link #HESSIAN_STEP}) by the delta method.
 */
final class MaximumLikelihood {
  static final double RELATIVE_TOLERANCE = 1e-12;
  static final double ABSOLUTE_TOLERANCE = 1e-10;
  static final double FIRST_STEP = 1.0;
  static final double RESTART_STEP = 0.1;
  static final double HESSIAN_STEP = 1e-4;
  static final int MAX_EVALUATIONS = 100_000;

  private MaximumLikelihood() {}

  /** The optimum: parameters (not logs), standard errors, the maximal log-likelihood, evaluations. */
  record Result(double[] parameters, OptionalDouble[] standardErrors, double logLikelihood, int evaluations) {}

  /**
   * Maximizes a log-likelihood given as a function of log-parameters.
   *
   * @param dimension the number of parameters
   * @param logLikelihood log L(ln θ); non-finite values are treated as −∞
   */
  static Result maximize(int dimension, ToDoubleFunction<double[]> logLikelihood) {
    ObjectiveFunction negative = new ObjectiveFunction(theta -> {
      double v = logLikelihood.applyAsDouble(theta);
      return Double.isFinite(v) ? -v : Double.MAX_VALUE;
    });
    double[] start = new double[dimension];
    int evaluations = 0;
    PointValuePair best = null;
    for (double step : new double[] {FIRST_STEP, RESTART_STEP}) {
      SimplexOptimizer optimizer = new SimplexOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
      best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), negative, GoalType.MINIMIZE,
          new InitialGuess(best == null ? start : best.getPoint()), new NelderMeadSimplex(dimension, step));
      evaluations += optimizer.getEvaluations();
    }
    double[] logTheta = best.getPoint();
    double[] theta = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      theta[i] = Math.exp(logTheta[i]);
    }
    return new Result(theta, standardErrors(logTheta, logLikelihood, theta), -best.getValue(), evaluations);
  }

  private static OptionalDouble[] standardErrors(double[] x, ToDoubleFunction<double[]> f, double[] theta) {
    int n = x.length;
    OptionalDouble[] none = new OptionalDouble[n];
    java.util.Arrays.fill(none, OptionalDouble.empty());
    double h = HESSIAN_STEP;
    double f0 = f.applyAsDouble(x);
    double[][] hessian = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double v;
        if (i == j) {
          v = (value(f, x, i, h, j, 0) - 2 * f0 + value(f, x, i, -h, j, 0)) / (h * h);
        } else {
          v = (value(f, x, i, h, j, h) - value(f, x, i, h, j, -h) - value(f, x, i, -h, j, h)
              + value(f, x, i, -h, j, -h)) / (4 * h * h);
        }
        // the Hessian of the negative log-likelihood
        hessian[i][j] = -v;
        hessian[j][i] = -v;
        if (!Double.isFinite(v)) {
          return none;
        }
      }
    }
    RealMatrix covariance;
    try {
      covariance = new CholeskyDecomposition(MatrixUtils.createRealMatrix(hessian)).getSolver().getInverse();
    } catch (MathRuntimeException e) {
      return none;
    }
    OptionalDouble[] out = new OptionalDouble[n];
    for (int i = 0; i < n; i++) {
      double variance = covariance.getEntry(i, i);
      double se = theta[i] * Math.sqrt(variance);
      out[i] = variance >= 0 && Double.isFinite(se) ? OptionalDouble.of(se) : OptionalDouble.empty();
    }
    return out;
  }

  private static double value(ToDoubleFunction<double[]> f, double[] x, int i, double di, int j, double dj) {
    double[] y = x.clone();
    y[i] += di;
    y[j] += dj;
    return f.applyAsDouble(y);
  }
}
