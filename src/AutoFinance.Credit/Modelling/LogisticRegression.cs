using MathNet.Numerics.LinearAlgebra;

namespace AutoFinance.Credit.Modelling;

/// <summary>
/// L2-regularised logistic regression fitted by Newton–Raphson (iteratively reweighted least squares), the intercept
/// unpenalised. A scorecard has at most a few dozen WoE inputs, so the exact Newton step (a p×p solve by Cholesky,
/// Math.NET) converges in a handful of passes over the data, is deterministic, and yields the Hessian for standard
/// errors; ML.NET's L-BFGS trainer would be approximate and give neither. Penalty: (λ/2)·||β||².
/// </summary>
public static class LogisticRegression
{
    /// <summary>The Newton step; a Hessian that is not positive definite means inputs that move together exactly (without a penalty to separate them).</summary>
    private static Vector<double> NewtonStep(Matrix<double> hessian, Vector<double> gradient)
    {
        try
        {
            return hessian.Cholesky().Solve(gradient);
        }
        catch (ArgumentException e)
        {
            throw new Data.CreditDataException($"the characteristics cannot be told apart in these rows (collinear or constant): {e.Message}");
        }
    }

    public static LogisticFit Fit(IReadOnlyList<double[]> features, ReadOnlySpan<byte> target, double l2Penalty, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = target.Length;
        var p = features.Count;
        var beta = new double[p + 1];
        var mean = 0.0;
        foreach (var t in target)
        {
            mean += t;
        }

        mean /= n;
        if (n == 0 || mean <= 0 || mean >= 1)
        {
            throw new Data.CreditDataException("the rows to fit hold only one outcome (all good or all bad): a model needs both");
        }

        beta[0] = Math.Log(mean / (1 - mean));
        var eta = new double[n];
        var weights = new double[n];
        var residual = new double[n];
        var logLikelihood = LogLikelihood(features, target, beta, eta, l2Penalty);
        var iterations = 0;
        Matrix<double> hessian = Matrix<double>.Build.Dense(p + 1, p + 1);
        for (; iterations < maxIterations; iterations++)
        {
            for (var i = 0; i < n; i++)
            {
                var mu = Sigmoid(eta[i]);
                weights[i] = Math.Max(mu * (1 - mu), 1e-12);
                residual[i] = target[i] - mu;
            }

            hessian = Hessian(features, weights, l2Penalty);
            var gradient = Vector<double>.Build.Dense(p + 1);
            gradient[0] = Sum(residual);
            for (var j = 0; j < p; j++)
            {
                gradient[j + 1] = Dot(features[j], residual) - (l2Penalty * beta[j + 1]);
            }

            var step = NewtonStep(hessian, gradient);

            // Newton's step can overshoot on separable data; halve it until the penalised likelihood rises.
            var scale = 1.0;
            var candidate = new double[p + 1];
            double candidateLikelihood;
            do
            {
                for (var j = 0; j <= p; j++)
                {
                    candidate[j] = beta[j] + (scale * step[j]);
                }

                candidateLikelihood = LogLikelihood(features, target, candidate, eta, l2Penalty);
                scale /= 2;
            }
            while (candidateLikelihood < logLikelihood - 1e-12 && scale > 1e-6);

            var change = 0.0;
            for (var j = 0; j <= p; j++)
            {
                change = Math.Max(change, Math.Abs(candidate[j] - beta[j]));
            }

            beta = candidate;
            logLikelihood = candidateLikelihood;
            if (change < 1e-9)
            {
                iterations++;
                break;
            }
        }

        var covariance = hessian.Inverse();
        var errors = new double[p];
        for (var j = 0; j < p; j++)
        {
            errors[j] = Math.Sqrt(Math.Max(covariance[j + 1, j + 1], 0));
        }

        return new LogisticFit(beta[0], beta[1..], errors, iterations, logLikelihood);
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Penalised log-likelihood; leaves the linear predictor of <paramref name="beta"/> in <paramref name="eta"/>.</summary>
    private static double LogLikelihood(IReadOnlyList<double[]> features, ReadOnlySpan<byte> target, double[] beta, double[] eta, double l2Penalty)
    {
        Array.Fill(eta, beta[0]);
        for (var j = 0; j < features.Count; j++)
        {
            var column = features[j];
            var b = beta[j + 1];
            for (var i = 0; i < eta.Length; i++)
            {
                eta[i] += b * column[i];
            }
        }

        double sum = 0;
        for (var i = 0; i < eta.Length; i++)
        {
            // log(1 + e^x) computed without overflow.
            var softplus = eta[i] > 0 ? eta[i] + double.LogP1(Math.Exp(-eta[i])) : double.LogP1(Math.Exp(eta[i]));
            sum += (target[i] * eta[i]) - softplus;
        }

        double penalty = 0;
        for (var j = 1; j < beta.Length; j++)
        {
            penalty += beta[j] * beta[j];
        }

        return sum - (l2Penalty / 2 * penalty);
    }

    private static Matrix<double> Hessian(IReadOnlyList<double[]> features, double[] weights, double l2Penalty)
    {
        var p = features.Count;
        var h = Matrix<double>.Build.Dense(p + 1, p + 1);
        h[0, 0] = Sum(weights);
        var weighted = new double[p][];
        Parallel.For(0, p, j =>
        {
            var column = features[j];
            var w = new double[weights.Length];
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = weights[i] * column[i];
            }

            weighted[j] = w;
        });
        Parallel.For(0, p, j =>
        {
            h[0, j + 1] = Sum(weighted[j]);
            for (var k = j; k < p; k++)
            {
                h[j + 1, k + 1] = Dot(weighted[j], features[k]);
            }
        });
        for (var j = 0; j <= p; j++)
        {
            for (var k = 0; k < j; k++)
            {
                h[j, k] = h[k, j];
            }
        }

        for (var j = 1; j <= p; j++)
        {
            h[j, j] += l2Penalty;
        }

        return h;
    }

    private static double Sum(double[] values) => System.Numerics.Tensors.TensorPrimitives.Sum<double>(values);

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot<double>(a, b);
}
