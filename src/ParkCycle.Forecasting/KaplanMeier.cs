namespace ParkCycle.Forecasting;

/// <summary>
/// The Kaplan–Meier estimate of a duration's survival curve from observed durations, some censored
/// (still running when observation stopped). Used as a baseline for projects and Superfund sites.
/// </summary>
public sealed class KaplanMeier
{
    private readonly double[] _times;
    private readonly double[] _survival;

    /// <param name="observations">(duration, true when it ended / false when censored).</param>
    public KaplanMeier(IEnumerable<(double Duration, bool Ended)> observations)
    {
        var sorted = observations.OrderBy(o => o.Duration).ThenByDescending(o => o.Ended).ToList();
        var atRisk = sorted.Count;
        var s = 1.0;
        var times = new List<double>();
        var survival = new List<double>();
        for (var i = 0; i < sorted.Count;)
        {
            var t = sorted[i].Duration;
            var ended = 0;
            var leaving = 0;
            while (i < sorted.Count && sorted[i].Duration == t)
            {
                ended += sorted[i].Ended ? 1 : 0;
                leaving++;
                i++;
            }

            if (ended > 0 && atRisk > 0)
            {
                s *= 1 - ((double)ended / atRisk);
                times.Add(t);
                survival.Add(s);
            }

            atRisk -= leaving;
        }

        _times = [.. times];
        _survival = [.. survival];
        Count = sorted.Count;
    }

    /// <summary>Number of observations the curve was estimated from, ended and censored.</summary>
    public int Count { get; }

    /// <summary>P(duration &gt; t).</summary>
    public double Survival(double t)
    {
        var i = Array.BinarySearch(_times, t);
        i = i >= 0 ? i : ~i - 1;
        return i < 0 ? 1.0 : _survival[i];
    }

    /// <summary>The conditional median remaining time given the duration has passed <paramref name="elapsed"/>; null when the curve never falls that far.</summary>
    public double? MedianRemaining(double elapsed)
    {
        var s0 = Survival(elapsed);
        if (s0 <= 0)
        {
            return 0;
        }

        for (var i = 0; i < _times.Length; i++)
        {
            if (_times[i] > elapsed && _survival[i] / s0 <= 0.5)
            {
                return _times[i] - elapsed;
            }
        }

        return null;
    }

    /// <summary>P(ends in (a, b] | survived to <paramref name="elapsed"/>).</summary>
    public double EndsBetween(double elapsed, double a, double b)
    {
        var s0 = Survival(elapsed);
        return s0 <= 0 ? 0 : (Survival(a) - Survival(b)) / s0;
    }
}
