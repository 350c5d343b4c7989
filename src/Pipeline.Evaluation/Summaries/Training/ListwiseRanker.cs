namespace Pipeline.Evaluation.Summaries.Training;

/// <summary>
/// A linear scorer fitted per document rather than per sentence: the softmax of the scores over a document's
/// eligible sentences is pulled towards a target distribution (the oracle's picks, or each sentence's own ROUGE
/// sharpened by a temperature). Only the order within a document matters when a summary is picked, and this
/// objective sees exactly that. Full-batch Adam; a few dozen weights.
/// </summary>
internal static class ListwiseRanker
{
    /// <param name="softTemperature">0: targets are the oracle labels; above 0: softmax(gain / temperature).</param>
    public static double[] Fit(TrainingDocument[] documents, IReadOnlyList<int> indices, int width, double l2, double softTemperature,
        int iterations = 1500, double rate = 0.05)
    {
        var w = new double[width];
        var m = new double[width];
        var v = new double[width];
        var gradient = new double[width];
        var scores = new List<double>(256);
        var targets = new List<double>(256);
        var rows = new List<int>(256);
        for (int iteration = 1; iteration <= iterations; iteration++)
        {
            Array.Clear(gradient);
            int counted = 0;
            foreach (int d in indices)
            {
                var doc = documents[d];
                if (!Targets(doc, softTemperature, rows, targets))
                {
                    continue;
                }
                counted++;
                scores.Clear();
                double max = double.NegativeInfinity;
                foreach (int s in rows)
                {
                    double z = 0;
                    var row = doc.Features.AsSpan(s * width, width);
                    for (int j = 0; j < width; j++)
                    {
                        z += w[j] * row[j];
                    }
                    scores.Add(z);
                    max = Math.Max(max, z);
                }
                double sum = 0;
                for (int i = 0; i < scores.Count; i++)
                {
                    scores[i] = Math.Exp(scores[i] - max);
                    sum += scores[i];
                }
                for (int i = 0; i < rows.Count; i++)
                {
                    double error = scores[i] / sum - targets[i]; // d(cross-entropy)/d(score)
                    var row = doc.Features.AsSpan(rows[i] * width, width);
                    for (int j = 0; j < width; j++)
                    {
                        gradient[j] += error * row[j];
                    }
                }
            }
            for (int j = 0; j < width; j++)
            {
                double g = gradient[j] / Math.Max(1, counted) + l2 * w[j];
                m[j] = 0.9 * m[j] + 0.1 * g;
                v[j] = 0.999 * v[j] + 0.001 * g * g;
                double mh = m[j] / (1 - Math.Pow(0.9, iteration));
                double vh = v[j] / (1 - Math.Pow(0.999, iteration));
                w[j] -= rate * mh / (Math.Sqrt(vh) + 1e-8);
            }
        }
        return w;
    }

    /// <summary>Eligible rows and their target probabilities; false when the document teaches nothing.</summary>
    private static bool Targets(TrainingDocument doc, double temperature, List<int> rows, List<double> targets)
    {
        rows.Clear();
        targets.Clear();
        for (int s = doc.Body; s < doc.Candidates; s++)
        {
            if (doc.Eligible[s])
            {
                rows.Add(s);
                targets.Add(temperature > 0 ? doc.Gains[s] / temperature : doc.Labels[s] ? 1 : 0);
            }
        }
        if (rows.Count < 2)
        {
            return false;
        }
        double total = 0;
        if (temperature > 0)
        {
            double max = double.NegativeInfinity;
            foreach (double t in targets)
            {
                max = Math.Max(max, t);
            }
            for (int i = 0; i < targets.Count; i++)
            {
                targets[i] = Math.Exp(targets[i] - max);
                total += targets[i];
            }
        }
        else
        {
            foreach (double t in targets)
            {
                total += t;
            }
        }
        if (total <= 0)
        {
            return false;
        }
        for (int i = 0; i < targets.Count; i++)
        {
            targets[i] /= total;
        }
        return true;
    }
}
