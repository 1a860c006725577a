using System.Text.Json;
using System.Text.Json.Nodes;
using ParkCycle.Domain.Model;
using ParkCycle.Graph;
using ParkCycle.HeatIntegration;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// The heat-integration report of a park for <c>pinch</c> and <c>analyze</c>: the analysis' waste-heat
/// opportunities and plan entries are the proposed exchanges checked against the pinch.
/// </summary>
internal static class HeatIntegrationSection
{
    public static HeatIntegrationReport? Build(ParkDataset park, ParkHeatOptions options, ParkAnalysis? analysis)
    {
        if (park.HeatStreams.Count == 0)
        {
            return null;
        }

        var proposed = analysis is null
            ? []
            : Proposed(park, analysis.Opportunities, "opportunity").Concat(Proposed(park, analysis.Plan.Exchanges, "plan")).ToList();
        return ParkHeatIntegration.Analyze(park, options, proposed);
    }

    /// <summary>The analysis report as JSON with <c>heat_integration</c> added when the park has heat streams.</summary>
    public static JsonNode WithHeat(AnalysisReport report, ParkDataset park, ParkAnalysis analysis)
    {
        var node = JsonSerializer.SerializeToNode(report, CommonOptions.JsonOutput)!;
        if (Build(park, new ParkHeatOptions(), analysis) is { } heat)
        {
            node["heat_integration"] = JsonSerializer.SerializeToNode(heat, CommonOptions.JsonOutput);
        }

        return node;
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
            yield return new ProposedHeatExchange($"{kind}:{x.OfferId}>{x.NeedId}", x.Supplier, x.Consumer, x.SourceMaterial, source, sink);
        }
    }
}
