using ParkCycle.Domain.Model;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// The problem-table algorithm (Linnhoff &amp; Flower 1978; Linnhoff et al. 1982, User Guide): shift hot streams down
/// and cold streams up by their ΔT contributions, cut the shifted scale into intervals at every supply and target,
/// cascade each interval's surplus downwards, and add the least hot utility that keeps every flow non-negative.
/// Exact in decimal arithmetic; O(n log n) in the number of streams.
/// </summary>
public static class ProblemTable
{
    /// <summary>The targets of <paramref name="streams"/> at <paramref name="options"/>' ΔTmin (10 °C by default).</summary>
    public static PinchTargets Compute(IReadOnlyList<HeatStream> streams, PinchOptions? options = null)
    {
        options ??= new PinchOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.DtMinC, nameof(options));
        var shifted = Shift(streams, options.DtMinC);
        var cascade = Cascade.Build(shifted);

        decimal hotDuty = 0, coldDuty = 0, weightedHours = 0;
        foreach (var s in streams)
        {
            var duty = s.HeatLoadKw;
            if (s.Kind == HeatStreamKind.Hot)
            {
                hotDuty += duty;
            }
            else
            {
                coldDuty += duty;
            }

            weightedHours += duty * s.EffectiveHoursPerYear;
        }

        var hotUtility = cascade.HotUtility;
        var coldUtility = cascade.ColdUtility;
        var recovery = Math.Max(0, hotDuty - coldUtility);

        var t = cascade.Temperatures;
        var pinches = new List<PinchPoint>();
        var threshold = hotUtility == 0 || coldUtility == 0;
        if (!threshold)
        {
            for (var i = cascade.Count - 2; i >= 1; i--)
            {
                if (cascade.Feasible[i] == 0)
                {
                    pinches.Add(PinchAt(t[i], shifted, options.DtMinC));
                }
            }
        }

        var table = new List<CascadeInterval>(Math.Max(0, cascade.Count - 1));
        for (var i = cascade.Count - 2; i >= 0; i--)
        {
            table.Add(new CascadeInterval(t[i + 1], t[i], cascade.NetCp[i], cascade.NetCp[i] * (t[i + 1] - t[i]), cascade.Feasible[i]));
        }

        var grand = new List<GrandCompositePoint>(cascade.Count);
        for (var i = cascade.Count - 1; i >= 0; i--)
        {
            grand.Add(new GrandCompositePoint(t[i], cascade.Feasible[i]));
        }

        var curves = new CompositeCurves(
            Composite(streams, HeatStreamKind.Hot, 0),
            Composite(streams, HeatStreamKind.Cold, coldUtility));
        var totalDuty = hotDuty + coldDuty;
        var hours = totalDuty == 0 ? HeatStream.DefaultHoursPerYear : weightedHours / totalDuty;
        var toGj = hours * AnnualEnergyGj.GjPerKwh;
        return new PinchTargets(options.DtMinC, hotUtility, coldUtility, recovery, hotDuty, coldDuty,
            pinches.Count > 0 ? pinches[0] : null, pinches, threshold, table, curves, grand, hours,
            new AnnualEnergyGj(hotUtility * toGj, coldUtility * toGj, recovery * toGj));
    }

    /// <summary>A stream's ΔT contribution: its own, or half of ΔTmin.</summary>
    public static decimal Contribution(HeatStream stream, decimal dtMinC) => stream.DtContributionC ?? (dtMinC / 2);

    internal static List<ShiftedStream> Shift(IReadOnlyList<HeatStream> streams, decimal dtMinC)
    {
        var shifted = new List<ShiftedStream>(streams.Count);
        foreach (var s in streams)
        {
            var dt = Contribution(s, dtMinC);
            var hot = s.Kind == HeatStreamKind.Hot;
            var low = Math.Min(s.SupplyTemperatureC, s.TargetTemperatureC) + (hot ? -dt : dt);
            var high = Math.Max(s.SupplyTemperatureC, s.TargetTemperatureC) + (hot ? -dt : dt);
            shifted.Add(new ShiftedStream(low, high, s.HeatCapacityFlowKwPerK, hot, dt));
        }

        return shifted;
    }

    /// <summary>
    /// The pinch's real temperatures: shifted ± the ΔT contribution of the hot (cold) streams present there when
    /// they share one, else ± ΔTmin / 2.
    /// </summary>
    private static PinchPoint PinchAt(decimal shiftedC, List<ShiftedStream> streams, decimal dtMinC)
    {
        decimal? hotDt = null, coldDt = null;
        bool hotMixed = false, coldMixed = false;
        foreach (var s in streams)
        {
            if (s.Low > shiftedC || s.High < shiftedC)
            {
                continue;
            }

            if (s.Hot)
            {
                hotMixed |= hotDt is { } h && h != s.DtContributionC;
                hotDt = s.DtContributionC;
            }
            else
            {
                coldMixed |= coldDt is { } c && c != s.DtContributionC;
                coldDt = s.DtContributionC;
            }
        }

        var half = dtMinC / 2;
        return new PinchPoint(shiftedC, shiftedC + (hotMixed ? half : hotDt ?? half), shiftedC - (coldMixed ? half : coldDt ?? half));
    }

    /// <summary>A composite curve in real temperatures, rising, starting at <paramref name="start"/> kW.</summary>
    private static List<CompositePoint> Composite(IReadOnlyList<HeatStream> streams, HeatStreamKind kind, decimal start)
    {
        var ranges = new List<ShiftedStream>();
        foreach (var s in streams)
        {
            if (s.Kind == kind)
            {
                ranges.Add(new ShiftedStream(Math.Min(s.SupplyTemperatureC, s.TargetTemperatureC), Math.Max(s.SupplyTemperatureC, s.TargetTemperatureC), s.HeatCapacityFlowKwPerK, true, 0));
            }
        }

        var points = new List<CompositePoint>();
        if (ranges.Count == 0)
        {
            return points;
        }

        var cascade = Cascade.Build(ranges);
        var t = cascade.Temperatures;
        var h = start;
        points.Add(new CompositePoint(t[0], h));
        for (var i = 0; i < t.Length - 1; i++)
        {
            h += cascade.NetCp[i] * (t[i + 1] - t[i]);
            points.Add(new CompositePoint(t[i + 1], h));
        }

        return points;
    }
}
