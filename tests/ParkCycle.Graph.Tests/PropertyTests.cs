using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>Invariants checked over many generated (synthetic) parks.</summary>
public class PropertyTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    private static ParkDataset Generated(int seed) => SyntheticPark.Generate(18, 110, seed, CatalogReader.Default);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryReportedLoop_IsARealElementaryCycle(int seed)
    {
        var park = Generated(seed);
        var analysis = ParkAnalyzer.Analyze(park);

        foreach (var loop in analysis.Loops.Loops)
        {
            Assert.InRange(loop.Enterprises.Count, 2, 8);
            Assert.Equal(loop.Enterprises.Count, loop.Enterprises.Distinct().Count());
            for (var i = 0; i < loop.Hops.Count; i++)
            {
                var hop = loop.Hops[i];
                Assert.Equal(loop.Enterprises[i], hop.From);
                Assert.Equal(loop.Enterprises[(i + 1) % loop.Enterprises.Count], hop.To);
                Assert.Contains(park.Flows, f => f.Id == hop.FlowId && f.From == hop.From && f.To == hop.To && f.Status == FlowStatus.Existing);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryOpportunity_RespectsTemperatureDistanceAndQuantity(int seed)
    {
        var park = Generated(seed);
        var analysis = ParkAnalyzer.Analyze(park);
        var flows = park.Flows.ToDictionary(f => f.Id);

        foreach (var o in analysis.Opportunities)
        {
            // Within one enterprise only as self-recovery along a pathway (never the material back to itself).
            Assert.True(o.Supplier != o.Consumer || (o.Kind == ExchangeKind.SelfRecovery && o.RuleId is not null), $"{o.Supplier} to itself as {o.Kind}");
            if (o.DistanceKm is { } d)
            {
                Assert.True(d <= o.MaxDistanceKm, $"{d} km > {o.MaxDistanceKm} km");
            }

            var source = park.Material(o.SourceMaterial);
            var target = park.Material(o.ReplacedMaterial);
            if (source.TemperatureC is { } ts && target.TemperatureC is { } tt && o.SourceMaterial != o.ReplacedMaterial)
            {
                Assert.True(ts >= tt + 10, $"{o.SourceMaterial} {ts} °C serving {o.ReplacedMaterial} {tt} °C");
            }

            if (o.RuleId is { } ruleId)
            {
                var rule = park.AllSubstitutions.Single(r => r.Id == ruleId);
                Assert.True(rule.MinTemperatureC is null || source.TemperatureC >= rule.MinTemperatureC, $"rule {ruleId} below its minimum");
            }

            var offered = flows[o.OfferId].Quantity!.Value.ConvertTo(source.Unit).Value;
            var needed = flows[o.NeedId].Quantity!.Value.ConvertTo(target.Unit).Value;
            Assert.True(o.Quantity <= offered + 0.001m, $"{o.Quantity} > offered {offered}");
            Assert.True(o.Quantity * o.Ratio <= needed + (0.001m * o.Ratio), $"{o.Quantity} x {o.Ratio} > needed {needed}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ThePlan_NeverExceedsAnySupplyOrDemand(int seed)
    {
        var park = Generated(seed);
        var analysis = ParkAnalyzer.Analyze(park);
        var flows = park.Flows.ToDictionary(f => f.Id);

        foreach (var offer in analysis.Plan.Exchanges.GroupBy(e => e.OfferId))
        {
            var available = flows[offer.Key].Quantity!.Value.ConvertTo(park.Material(flows[offer.Key].MaterialId).Unit).Value;
            Assert.True(offer.Sum(e => e.Quantity!.Value) <= available + 0.01m, $"offer {offer.Key} over-allocated");
        }

        foreach (var need in analysis.Plan.Exchanges.GroupBy(e => e.NeedId))
        {
            var demand = flows[need.Key].Quantity!.Value.ConvertTo(park.Material(flows[need.Key].MaterialId).Unit).Value;
            Assert.True(need.Sum(e => e.Quantity!.Value * e.Ratio) <= demand + 0.01m, $"need {need.Key} over-supplied");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RemovingAnEnterprise_NeverAddsLoops(int seed)
    {
        var park = Generated(seed);
        var options = new AnalysisOptions { Loops = new LoopOptions { MaxCycles = 100_000 } };
        var before = ParkAnalyzer.Analyze(park, options);
        var victim = park.Enterprises[seed % park.Enterprises.Count].Id;

        var (after, _) = Scenario.Compare(park, before, [victim], null, options);

        var beforeKeys = before.Loops.Loops.Select(l => string.Join('>', l.Enterprises)).ToHashSet();
        Assert.True(after.Loops.Loops.Count <= before.Loops.Loops.Count);
        Assert.All(after.Loops.Loops, l => Assert.Contains(string.Join('>', l.Enterprises), beforeKeys));
        Assert.DoesNotContain(after.Loops.Loops, l => l.Enterprises.Contains(victim));
    }
}
