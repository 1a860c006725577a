using ParkCycle.Domain.Model;
using ParkCycle.HeatIntegration;

namespace ParkCycle.Graph.Tests;

/// <summary>
/// The analysis flags each waste-heat opportunity and plan exchange against the park's pinch, the one check
/// <c>analyze</c>, <c>pinch</c> and the API report. Targets worked out by hand with the problem table (ΔTmin 10 °C).
/// </summary>
public class PinchFlagTests
{
    // Shifted intervals 145/135/65/55/35/25/15 °C; surpluses +20, −70, −10, +40, 0, +30 kW; cascade 0, 20, −50, −60,
    // −20, −20, +10: hot utility 60 kW, cold utility 70 kW, pinch at 55 °C shifted (60 °C hot side, 50 °C cold side).
    private static readonly HeatStream[] Streams =
    [
        new("h1", "A", HeatStreamKind.Hot, 150, 40, 2, null, null, null, "test"),
        new("c2", "A", HeatStreamKind.Cold, 60, 130, 3, null, null, null, "test"),
        new("c1", "D", HeatStreamKind.Cold, 20, 60, 3, null, null, null, "test"),
        new("h2", "D", HeatStreamKind.Hot, 60, 20, 3, null, null, null, "test"),
    ];

    private static ParkDataset Park(params HeatStream[] streams) => new ParkBuilder()
        .Enterprise("A", 29.5000m, 113.4700m)
        .Enterprise("D", 29.5000m, 113.4705m)
        .Flow("A", ExternalNode.Atmosphere, "waste-heat-low", 500)
        .Flow(ExternalNode.Import, "D", "greenhouse-heat", 100)
        .Heat(streams)
        .Build();

    [Fact]
    public void HeatFromAboveThePinchToASinkBelowIt_IsFlaggedInTheOpportunitiesAndThePlan()
    {
        var analysis = ParkAnalyzer.Analyze(Park(Streams));

        var heat = analysis.HeatIntegration!;
        Assert.Equal(60m, heat.HotUtilityKw);
        Assert.Equal(70m, heat.ColdUtilityKw);
        Assert.Equal(55m, heat.Pinch!.ShiftedC);
        // 80 °C heat (75 °C shifted) into D, whose coldest stream starts at 20 °C (25 °C shifted): across 55 °C.
        var opportunity = Assert.Single(analysis.Opportunities, o => o.SourceMaterial == "waste-heat-low");
        Assert.Equal(PinchCrossing.CrossesPinch, opportunity.PinchCrossing);
        Assert.All(analysis.Plan.Exchanges.Where(x => x.SourceMaterial == "waste-heat-low"), x => Assert.Equal(PinchCrossing.CrossesPinch, x.PinchCrossing));
        Assert.Contains(heat.Exchanges, c => c.Id == ParkHeatSection.CheckId("opportunity", opportunity) && c.Crossing == PinchCrossing.CrossesPinch);
    }

    [Fact]
    public void WithoutHeatStreams_NothingIsFlagged_AndTheReportHasNoHeatSection()
    {
        var analysis = ParkAnalyzer.Analyze(Park());

        Assert.Null(analysis.HeatIntegration);
        Assert.All(analysis.Opportunities, o => Assert.Null(o.PinchCrossing));
        var json = System.Text.Json.JsonSerializer.Serialize(AnalysisReport.From(analysis), AnalysisReport.JsonOptions);
        Assert.DoesNotContain("heat_integration", json, StringComparison.Ordinal);
    }
}
