using static ParkCycle.HeatIntegration.Tests.StreamBuilder;

namespace ParkCycle.HeatIntegration.Tests;

/// <summary>Indirect integration through a carrier, on a two-firm site worked by hand.</summary>
public class TotalSiteTests
{
    // Firm A rejects heat: hot 150→50 °C, CP 1 kW/K (100 kW). Firm B needs heat: cold 40→120 °C, CP 1 (80 kW).
    // Alone: A needs 0 hot / 100 cold, B 80 hot / 0 cold. Together in one exchanger (direct): shifted hot 145→45,
    // cold 45→125; 145–125 +20, 125–45 net 0 → hot 0, cold 20.
    private static readonly IReadOnlyList<Domain.Model.HeatStream> TwoFirms =
    [
        Hot("a1", 150, 50, 1, enterprise: "A"),
        Cold("b1", 40, 120, 1, enterprise: "B"),
    ];

    [Fact]
    public void Compute_HotWaterLoop90To60_MovesWhatTheLoopCanReach()
    {
        // Loop heated 60→90 (shifted +5: 65→95) in A: A has 150→70 real (145→65 shifted) = 80 kW above the loop's
        // cold end, so it can collect 80. The loop cooled 90→60 (shifted 55→85) in B heats B's cold stream only up to
        // 80 °C: 40→80 at CP 1 = 40 kW. The site moves min(80, 40) = 40 kW: hot 80 − 40 = 40, cold 100 − 40 = 60,
        // against the direct bound of 0 and 20.
        var site = TotalSite.Compute(TwoFirms, IntermediateUtility.DefaultHotWaterLoop);

        var a = site.Enterprises.Single(e => e.Enterprise == "A");
        var b = site.Enterprises.Single(e => e.Enterprise == "B");
        Assert.Equal((0m, 100m, 80m, 0m), (a.HotUtilityKw, a.ColdUtilityKw, a.ToCarrierMaxKw, a.FromCarrierMaxKw));
        Assert.Equal((80m, 0m, 0m, 40m), (b.HotUtilityKw, b.ColdUtilityKw, b.ToCarrierMaxKw, b.FromCarrierMaxKw));
        Assert.Equal(40m, site.IndirectRecoveryKw);
        Assert.Equal((40m, 60m), (site.HotUtilityAfterKw, site.ColdUtilityAfterKw));
        Assert.Equal((0m, 20m), (site.DirectHotUtilityKw, site.DirectColdUtilityKw));
        Assert.Equal(40m, a.ToCarrierKw);
        Assert.Equal(40m, b.FromCarrierKw);
    }

    [Fact]
    public void Compute_SteamMainAt100_LatentCarrierUsesTheStep()
    {
        // Steam raised at 100 °C takes A's heat above 105 °C shifted: 145→105 at CP 1 = 40 kW. Steam condensing
        // at 100 °C heats B up to 90 °C: 40→90 at CP 1 = 50 kW. The site moves 40.
        var site = TotalSite.Compute(TwoFirms, IntermediateUtility.Parse("steam:100")!);

        Assert.Equal(40m, site.Enterprises.Single(e => e.Enterprise == "A").ToCarrierMaxKw);
        Assert.Equal(50m, site.Enterprises.Single(e => e.Enterprise == "B").FromCarrierMaxKw);
        Assert.Equal(40m, site.IndirectRecoveryKw);
    }

    [Fact]
    public void Compute_SiteProfiles_AreTheFirmsSourcesAndSinksOnTheShiftedScale()
    {
        // Source profile at 105 shifted: A can release 40 kW at or above it; sink profile at 85: B needs 40 kW at or
        // below 85 shifted (its cold stream 45→85 shifted at CP 1).
        var site = TotalSite.Compute(TwoFirms, IntermediateUtility.DefaultHotWaterLoop);

        Assert.Equal(100m, site.SourceProfile.Single(p => p.ShiftedTemperatureC == 45).HeatKw);
        Assert.Equal(0m, site.SourceProfile.Single(p => p.ShiftedTemperatureC == 145).HeatKw);
        Assert.Equal(40m, site.SinkProfile.Single(p => p.ShiftedTemperatureC == 85).HeatKw);
        Assert.Equal(80m, site.SinkProfile.Single(p => p.ShiftedTemperatureC == 125).HeatKw);
    }

    [Theory]
    [InlineData("hot-water:90:60", CarrierKind.HotWaterLoop, 90, 60)]
    [InlineData("steam:180", CarrierKind.SteamMain, 180, 180)]
    public void Parse_CarrierText_ReadsKindAndTemperatures(string text, CarrierKind kind, int supply, int ret)
    {
        Assert.Equal(new IntermediateUtility(kind, supply, ret), IntermediateUtility.Parse(text));
    }

    [Theory]
    [InlineData("hot-water:60:90")]
    [InlineData("steam")]
    [InlineData("oil:200")]
    public void Parse_BadCarrierText_IsNull(string text) => Assert.Null(IntermediateUtility.Parse(text));
}
