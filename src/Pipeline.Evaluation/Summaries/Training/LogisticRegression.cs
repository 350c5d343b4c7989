namespace Pipeline.Evaluation.Summaries.Training;

/// <summary>
/// L2-regularized logistic regression fitted by Newton's method (iteratively reweighted least squares). With a few
/// dozen features the Hessian is tiny, so a handful of exact steps beats tuning a learning rate.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>Weights for <paramref name="width"/> features followed by the bias.</summary>
    /// <param name="rows">Feature rows, <paramref name="width"/> floats each.</param>
    /// <param name="labels">One label per row.</param>
    /// <param name="l2">Penalty on the feature weights (not the bias).</param>
    public static double[] Fit(List<float[]> rows, List<bool> labels, int width, double l2, int iterations = 25)
    {
        int d = width + 1;
        var w = new double[d];
        var x = new double[d];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (int r = 0; r < rows.Count; r++)
            {
                Fill(rows[r], x);
                double z = 0;
                for (int j = 0; j < d; j++)
                {
                    z += w[j] * x[j];
                }
                double p = 1 / (1 + Math.Exp(-z));
                double error = (labels[r] ? 1 : 0) - p;
                double weight = Math.Max(p * (1 - p), 1e-9);
                for (int j = 0; j < d; j++)
                {
                    gradient[j] += error * x[j];
                    double wx = weight * x[j];
                    for (int k = j; k < d; k++)
                    {
                        hessian[j, k] += wx * x[k];
                    }
                }
            }
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < j; k++)
                {
                    hessian[j, k] = hessian[k, j];
                }
                if (j < width)
                {
                    gradient[j] -= l2 * w[j];
                    hessian[j, j] += l2;
                }
                hessian[j, j] += 1e-9;
            }
            var step = Solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < d; j++)
            {
                w[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }
            if (change < 1e-6)
            {
                break;
            }
        }
        return w;
    }

    private static void Fill(float[] row, double[] x)
    {
        for (int j = 0; j < row.Length; j++)
        {
            x[j] = row[j];
        }
        x[row.Length] = 1;
    }

    /// <summary>Solves A s = b for symmetric positive definite A (Cholesky).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }
                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }
            y[i] = sum / l[i, i];
        }
        var s = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * s[k];
            }
            s[i] = sum / l[i, i];
        }
        return s;
    }
}
