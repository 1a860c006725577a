using ParkCycle.Domain.Model;

namespace ParkCycle.HeatIntegration.Tests;

/// <summary>Invariants over many generated stream sets (fixed seeds, so a failure repeats).</summary>
public class PropertyTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 60)];

    internal static List<HeatStream> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var streams = new List<HeatStream>(count);
        for (var i = 0; i < count; i++)
        {
            var hot = random.Next(2) == 0;
            var a = random.Next(10, 400);
            var b = a + random.Next(1, 200);
            var cp = random.Next(1, 400) / 10m;
            var dt = random.Next(4) == 0 ? random.Next(1, 15) : (decimal?)null;
            var byDuty = random.Next(3) == 0;
            streams.Add(new HeatStream($"s{i}", $"e{random.Next(5)}", hot ? HeatStreamKind.Hot : HeatStreamKind.Cold,
                hot ? b : a, hot ? a : b, byDuty ? null : cp, byDuty ? cp * (b - a) : null, null, dt, "generated"));
        }

        return streams;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_AnyStreams_CascadeBalances(int seed)
    {
        var streams = Generate(seed, 2 + (seed % 30));

        var t = ProblemTable.Compute(streams);

        // Energy balance: what the utilities add and remove is what the streams need net of each other.
        Assert.Equal(t.ColdDutyKw - t.HotDutyKw, t.HotUtilityKw - t.ColdUtilityKw);
        Assert.Equal(t.HotDutyKw - t.ColdUtilityKw, t.HeatRecoveryKw);
        Assert.Equal(t.ColdDutyKw - t.HotUtilityKw, t.HeatRecoveryKw);
        Assert.All(t.GrandComposite, p => Assert.True(p.HeatKw >= 0));
        Assert.Equal(t.HotUtilityKw, t.GrandComposite[0].HeatKw);
        Assert.Equal(t.ColdUtilityKw, t.GrandComposite[^1].HeatKw);
        Assert.Equal(0m, t.GrandComposite.Min(p => p.HeatKw));
        Assert.Equal(t.ProblemTable.Sum(r => r.SurplusKw), t.ColdUtilityKw - t.HotUtilityKw);
        Assert.Equal(t.Threshold, t.Pinch is null);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_RisingDtMin_TargetsNeverFall(int seed)
    {
        var streams = Generate(seed, 2 + (seed % 30));
        decimal? previousHot = null, previousCold = null, previousRecovery = null;

        foreach (var dt in new[] { 0m, 1m, 2.5m, 5m, 10m, 13m, 20m, 40m, 80m })
        {
            var t = ProblemTable.Compute(streams, new PinchOptions { DtMinC = dt });
            if (previousHot is { } h)
            {
                Assert.True(t.HotUtilityKw >= h, $"hot utility fell at ΔTmin {dt}");
                Assert.True(t.ColdUtilityKw >= previousCold, $"cold utility fell at ΔTmin {dt}");
                Assert.True(t.HeatRecoveryKw <= previousRecovery, $"recovery rose at ΔTmin {dt}");
            }

            (previousHot, previousCold, previousRecovery) = (t.HotUtilityKw, t.ColdUtilityKw, t.HeatRecoveryKw);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_CompositeCurves_SpanTheDuties(int seed)
    {
        var streams = Generate(seed, 2 + (seed % 30));

        var t = ProblemTable.Compute(streams);

        if (t.CompositeCurves.Hot.Count > 0)
        {
            Assert.Equal(t.HotDutyKw, t.CompositeCurves.Hot[^1].HeatKw);
        }

        if (t.CompositeCurves.Cold.Count > 0)
        {
            Assert.Equal(t.ColdUtilityKw, t.CompositeCurves.Cold[0].HeatKw);
            Assert.Equal(t.ColdUtilityKw + t.ColdDutyKw, t.CompositeCurves.Cold[^1].HeatKw);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TotalSite_AnyStreams_IndirectRecoveryBetweenSeparateAndDirect(int seed)
    {
        var streams = Generate(seed, 4 + (seed % 30));

        var site = TotalSite.Compute(streams, IntermediateUtility.DefaultHotWaterLoop);

        // A carrier can only add to what the firms recover alone, and never beats one problem with all streams.
        Assert.True(site.IndirectRecoveryKw >= 0);
        Assert.True(site.HotUtilityAfterKw >= site.DirectHotUtilityKw, $"{site.HotUtilityAfterKw} < direct {site.DirectHotUtilityKw}");
        Assert.True(site.ColdUtilityAfterKw >= site.DirectColdUtilityKw);
        Assert.Equal(site.SeparateHotUtilityKw - site.SeparateColdUtilityKw, site.HotUtilityAfterKw - site.ColdUtilityAfterKw);
        Assert.All(site.Enterprises, e => Assert.True(e.ToCarrierKw <= e.ToCarrierMaxKw && e.FromCarrierKw <= e.FromCarrierMaxKw));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TotalSite_CarrierAddedAsStreams_UtilitiesFallByExactlyTheBound(int seed)
    {
        // The closed-form bounds checked against the problem table itself: give each enterprise its carrier stream
        // at the bound and the enterprise's hot (collecting) or cold (delivering) utility must not move.
        var streams = Generate(seed, 4 + (seed % 30));
        var carrier = IntermediateUtility.DefaultHotWaterLoop;
        var site = TotalSite.Compute(streams, carrier);

        foreach (var e in site.Enterprises)
        {
            var own = streams.Where(s => s.EnterpriseId == e.Enterprise).ToList();
            var collect = new HeatStream("carrier-in", e.Enterprise, HeatStreamKind.Cold, 60, 90, null, e.ToCarrierMaxKw, null, null, null);
            var deliver = new HeatStream("carrier-out", e.Enterprise, HeatStreamKind.Hot, 90, 60, null, e.FromCarrierMaxKw, null, null, null);
            if (e.ToCarrierMaxKw > 0)
            {
                var t = ProblemTable.Compute([.. own, collect]);
                Near(e.HotUtilityKw, t.HotUtilityKw);
                Near(e.ColdUtilityKw - e.ToCarrierMaxKw, t.ColdUtilityKw);
            }

            if (e.FromCarrierMaxKw > 0)
            {
                var t = ProblemTable.Compute([.. own, deliver]);
                Near(e.ColdUtilityKw, t.ColdUtilityKw);
                Near(e.HotUtilityKw - e.FromCarrierMaxKw, t.HotUtilityKw);
            }
        }
    }

    private static void Near(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) < 1e-9m, $"expected {expected}, got {actual}");
}
