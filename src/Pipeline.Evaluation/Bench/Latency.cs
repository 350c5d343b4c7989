namespace Pipeline.Evaluation.Bench;

/// <summary>Percentiles of a set of durations, in milliseconds.</summary>
public sealed record Latency(int Count, double P50, double P95, double P99, double Max)
{
    public static Latency Of(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Latency(0, 0, 0, 0, 0);
        }
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new Latency(milliseconds.Count, At(0.50), At(0.95), At(0.99), milliseconds[^1]);
    }
}
