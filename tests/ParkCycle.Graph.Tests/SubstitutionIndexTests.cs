using ParkCycle.Domain.Datasets;

namespace ParkCycle.Graph.Tests;

/// <summary>The substitution index the exchange grain asks: can S replace T, by which rule, and is this heat hot enough.</summary>
public class SubstitutionIndexTests
{
    private static readonly SubstitutionIndex Index = new(CatalogReader.Default.Substitutions, CatalogReader.Default.Find);

    [Fact]
    public void Ways_NamesTheRuleAndRatio_AndTheIdentity()
    {
        var way = Assert.Single(Index.Pathways("waste-heat-medium", "steam-lp"));
        Assert.Equal(("whm-steam-lp", 0.3m), (way.Rule!.Id, way.Ratio));

        var same = Assert.Single(Index.Pathways("fly-ash", "fly-ash"));
        Assert.Equal((1m, null), (same.Ratio, same.Rule));
    }

    [Fact]
    public void Ways_UsesTheReportedTemperatureWhenGiven()
    {
        // Catalogue medium-grade heat is 200 °C; the rule needs 170 °C. A report of 165 °C is too cold.
        Assert.Empty(Index.Pathways("waste-heat-medium", "steam-lp", sourceTemperatureC: 165m));
        Assert.Single(Index.Pathways("waste-heat-medium", "steam-lp", sourceTemperatureC: 175m));
    }

    [Fact]
    public void IsHotEnough_NeedsTheTargetTemperaturePlusTheApproach()
    {
        // Low-pressure steam is 160 °C: with ΔTmin 25 °C the source needs 185 °C, above the rule's own 170 °C.
        var rule = Index.RulesFrom("waste-heat-medium").Single(r => r.Id == "whm-steam-lp");

        Assert.False(Index.IsHotEnough(rule, 180m, 25m));
        Assert.True(Index.IsHotEnough(rule, 185m, 25m));
        Assert.False(Index.IsHotEnough(rule, null, 25m));
    }
}
