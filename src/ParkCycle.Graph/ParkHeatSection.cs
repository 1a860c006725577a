using ParkCycle.Domain.Model;
using ParkCycle.HeatIntegration;

namespace ParkCycle.Graph;

/// <summary>
/// The heat-integration part of an analysis: the park's pinch targets, with the analysis' waste-heat opportunities
/// and plan exchanges checked against the pinch (issue: heat moved across the pinch raises both utilities). One
/// place, so the CLI's <c>analyze</c> and <c>pinch</c>, the live park and the API report the same checks.
/// </summary>
public static class ParkHeatSection
{
    /// <summary>The id a proposed exchange's pinch check carries: <c>opportunity:&lt;offer&gt;&gt;&lt;need&gt;</c> or <c>plan:…</c>.</summary>
    public static string CheckId(string kind, ExchangeOpportunity exchange) => $"{kind}:{exchange.OfferId}>{exchange.NeedId}";

    /// <summary>The report, or null when the dataset has no heat streams.</summary>
    public static HeatIntegrationReport? Build(ParkDataset park, ParkHeatOptions options, IReadOnlyList<ExchangeOpportunity> opportunities, ExchangePlan plan)
    {
        if (park.HeatStreams.Count == 0)
        {
            return null;
        }

        var proposed = Proposed(park, opportunities, "opportunity").Concat(Proposed(park, plan.Exchanges, "plan")).ToList();
        return ParkHeatIntegration.Analyze(park, options, proposed);
    }

    /// <summary>
    /// The opportunities (or plan exchanges) with <see cref="ExchangeOpportunity.PinchCrossing"/> set from the
    /// report's checks; the others unchanged.
    /// </summary>
    public static IReadOnlyList<ExchangeOpportunity> Flag(IReadOnlyList<ExchangeOpportunity> exchanges, string kind, HeatIntegrationReport? heat)
    {
        if (heat is null)
        {
            return exchanges;
        }

        var crossing = heat.Exchanges.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Crossing, StringComparer.Ordinal);
        return [.. exchanges.Select(x => crossing.TryGetValue(CheckId(kind, x), out var c) ? x with { PinchCrossing = c } : x)];
    }

    private static IEnumerable<ProposedHeatExchange> Proposed(ParkDataset park, IEnumerable<ExchangeOpportunity> exchanges, string kind)
    {
        foreach (var x in exchanges)
        {
            if (park.FindMaterial(x.SourceMaterial) is not { Category: MaterialCategory.WasteHeat, TemperatureC: { } source })
            {
                continue;
            }

            var sink = ParkHeatIntegration.SinkTemperature(park, x.Consumer) ?? park.FindMaterial(x.ReplacedMaterial)?.TemperatureC;
            yield return new ProposedHeatExchange(CheckId(kind, x), x.Supplier, x.Consumer, x.SourceMaterial, source, sink);
        }
    }
}
