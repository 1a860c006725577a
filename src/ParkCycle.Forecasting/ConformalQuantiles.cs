namespace ParkCycle.Forecasting;

/// <summary>Split-conformal quantiles of held-out scores, with the finite-sample (n + 1) correction.</summary>
public static class ConformalQuantiles
{
    /// <summary>
    /// The lower and upper quantiles for a central band of the given coverage (default 0.8: the 10th and 90th
    /// percentiles): the ⌊(n + 1)·α/2⌋-th and ⌈(n + 1)·(1 − α/2)⌉-th order statistics, clamped to the sample.
    /// </summary>
    /// <exception cref="ArgumentException">When there are no scores.</exception>
    public static (double Low, double High) Of(IEnumerable<double> scores, double coverage = 0.8)
    {
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no scores to calibrate on", nameof(scores));
        }

        var tail = (1 - coverage) / 2;
        var n = sorted.Length;
        // The tolerance keeps (1 − 0.8) / 2 × 20 at 2, not 1.9999…
        var low = (int)Math.Floor(((n + 1) * tail) + 1e-9);
        var high = (int)Math.Ceiling(((n + 1) * (1 - tail)) - 1e-9);
        return (sorted[Math.Clamp(low, 1, n) - 1], sorted[Math.Clamp(high, 1, n) - 1]);
    }
}
