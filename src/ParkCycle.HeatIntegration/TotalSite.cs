using ParkCycle.Domain.Model;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// Total-site targeting (after Dhole &amp; Linnhoff 1993) for enterprises that exchange heat only through an
/// intermediate utility. Each enterprise is first integrated alone; then the carrier, as a cold stream, collects
/// what an enterprise would otherwise reject, and, as a hot stream, replaces hot utility elsewhere.
/// </summary>
/// <remarks>
/// Exact for one carrier: adding a carrier stream of duty D changes the feasible cascade F_k by −D·g_k (collecting,
/// g_k the share of the carrier's shifted range above boundary k) or +D·f_k (delivering). Collecting keeps the hot
/// utility while D·g_k ≤ F_k at every boundary and D ≤ Q_C; delivering is all used while D·(1 − f_k) ≤ F_k and
/// D ≤ Q_H. Both bounds are linear-fractional between boundaries, so checking the boundaries (with the carrier's
/// own temperatures added) is exact. The site moves min(Σ collect, Σ deliver).
/// </remarks>
public static class TotalSite
{
    /// <summary>Targets for the enterprises of <paramref name="streams"/> linked by <paramref name="carrier"/>.</summary>
    public static TotalSiteTargets Compute(IReadOnlyList<HeatStream> streams, IntermediateUtility carrier, PinchOptions? options = null)
    {
        options ??= new PinchOptions();
        var dc = carrier.DtContributionC ?? (options.DtMinC / 2);
        var high = Math.Max(carrier.SupplyTemperatureC, carrier.ReturnTemperatureC);
        var low = Math.Min(carrier.SupplyTemperatureC, carrier.ReturnTemperatureC);
        (decimal Low, decimal High) collecting = (low + dc, high + dc); // the carrier heated: a cold stream
        (decimal Low, decimal High) delivering = (low - dc, high - dc); // the carrier cooled: a hot stream

        var groups = streams.GroupBy(s => s.EnterpriseId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var rows = new List<(string Enterprise, Cascade Cascade, decimal Recovery, decimal? Pinch, decimal ToMax, decimal FromMax)>();
        foreach (var g in groups)
        {
            var own = g.ToList();
            var shifted = ProblemTable.Shift(own, options.DtMinC);
            var cascade = Cascade.Build(shifted, [collecting.Low, collecting.High, delivering.Low, delivering.High]);
            var targets = ProblemTable.Compute(own, options);
            rows.Add((g.Key, cascade, targets.HeatRecoveryKw, targets.Pinch?.ShiftedC, MaxCollect(cascade, collecting), MaxDeliver(cascade, delivering)));
        }

        var toCarrier = rows.Sum(r => r.ToMax);
        var fromCarrier = rows.Sum(r => r.FromMax);
        var moved = Math.Min(toCarrier, fromCarrier);
        var enterprises = rows.Select(r => new EnterpriseSiteTargets(r.Enterprise, r.Cascade.HotUtility, r.Cascade.ColdUtility, r.Recovery, r.Pinch,
            r.ToMax, r.FromMax, toCarrier == 0 ? 0 : r.ToMax * moved / toCarrier, fromCarrier == 0 ? 0 : r.FromMax * moved / fromCarrier)).ToList();
        var separateHot = rows.Sum(r => r.Cascade.HotUtility);
        var separateCold = rows.Sum(r => r.Cascade.ColdUtility);
        var direct = ProblemTable.Compute(streams, options);

        var temperatures = rows.SelectMany(r => r.Cascade.Temperatures).Distinct().OrderByDescending(t => t).ToList();
        var source = temperatures.Select(t => new GrandCompositePoint(t, rows.Sum(r => SourceAt(r.Cascade, t)))).ToList();
        var sink = temperatures.Select(t => new GrandCompositePoint(t, rows.Sum(r => SinkAt(r.Cascade, t)))).ToList();
        return new TotalSiteTargets(carrier, enterprises, separateHot, separateCold, moved, separateHot - moved, separateCold - moved,
            direct.HotUtilityKw, direct.ColdUtilityKw, source, sink);
    }

    /// <summary>The most a cold carrier over <paramref name="range"/> can collect without raising the hot utility.</summary>
    private static decimal MaxCollect(Cascade c, (decimal Low, decimal High) range)
    {
        var best = c.ColdUtility;
        for (var k = 0; k < c.Count; k++)
        {
            var g = ShareAbove(range, c.Temperatures[k], atStep: 1);
            if (g > 0)
            {
                best = Math.Min(best, c.Feasible[k] / g);
            }
        }

        return Math.Max(0, best);
    }

    /// <summary>The most a hot carrier over <paramref name="range"/> can deliver, all of it replacing hot utility.</summary>
    private static decimal MaxDeliver(Cascade c, (decimal Low, decimal High) range)
    {
        var best = c.HotUtility;
        for (var k = 0; k < c.Count; k++)
        {
            var f = ShareAbove(range, c.Temperatures[k], atStep: 0);
            if (f < 1)
            {
                best = Math.Min(best, c.Feasible[k] / (1 - f));
            }
        }

        return Math.Max(0, best);
    }

    /// <summary>
    /// The share of the carrier's shifted range above <paramref name="t"/>. For a steam main it is a step, and at the
    /// step itself the binding side is taken (<paramref name="atStep"/>): the flow just below the main for collecting,
    /// just above it for delivering.
    /// </summary>
    private static decimal ShareAbove((decimal Low, decimal High) range, decimal t, decimal atStep)
    {
        if (range.High == range.Low)
        {
            return t < range.Low ? 1 : t > range.Low ? 0 : atStep;
        }

        return Math.Clamp((range.High - t) / (range.High - range.Low), 0, 1);
    }

    /// <summary>Heat the enterprise can release at or above <paramref name="t"/> (shifted) without raising its hot utility.</summary>
    private static decimal SourceAt(Cascade c, decimal t)
    {
        if (c.Count == 0)
        {
            return 0;
        }

        var min = c.FeasibleAt(t);
        for (var k = 0; k < c.Count && c.Temperatures[k] <= t; k++)
        {
            min = Math.Min(min, c.Feasible[k]);
        }

        return min;
    }

    /// <summary>Heat the enterprise can take at or below <paramref name="t"/> (shifted), all of it replacing hot utility.</summary>
    private static decimal SinkAt(Cascade c, decimal t)
    {
        if (c.Count == 0)
        {
            return 0;
        }

        var min = c.FeasibleAt(t);
        for (var k = c.Count - 1; k >= 0 && c.Temperatures[k] >= t; k--)
        {
            min = Math.Min(min, c.Feasible[k]);
        }

        return min;
    }
}
