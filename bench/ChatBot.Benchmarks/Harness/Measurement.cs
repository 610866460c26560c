namespace ChatBot.Benchmarks.Harness;

/// <summary>One figure: its repetitions, summarised as median with min and max.</summary>
internal sealed record Measurement(string Scenario, string Metric, string Unit, IReadOnlyList<double> Samples, string? Note = null)
{
    public double Median => Percentile(Samples, 0.5);

    public double Min => Samples.Count == 0 ? double.NaN : Samples.Min();

    public double Max => Samples.Count == 0 ? double.NaN : Samples.Max();

    /// <summary>Nearest-rank percentile (p in 0..1) of unsorted values; the median averages the middle pair.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        if (p == 0.5)
        {
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
