using static ParkCycle.HeatIntegration.Tests.StreamBuilder;

namespace ParkCycle.HeatIntegration.Tests;

/// <summary>
/// Published problems with known targets. Each cascade is worked by hand in the comments (shifted temperatures,
/// interval surpluses, cascade) so the expected figures come from the data, not from the program.
/// </summary>
public class TextbookProblemTests
{
    /// <summary>
    /// Linnhoff &amp; Hindmarsh (1983), "The pinch design method for heat exchanger networks", Chem. Eng. Sci. 38(5),
    /// 745–763, four-stream problem 4SP1 (also the worked problem of Linnhoff et al. 1982, User Guide on Process
    /// Integration, and of Kemp 2007, Pinch Analysis and Process Integration, 2nd ed., ch. 2 and 4). ΔTmin 10 °C.
    /// </summary>
    private static readonly IReadOnlyList<Domain.Model.HeatStream> FourStream =
    [
        Cold("1", 20, 135, 2.0m),
        Hot("2", 170, 60, 3.0m),
        Cold("3", 80, 140, 4.0m),
        Hot("4", 150, 30, 1.5m),
    ];

    [Fact]
    public void Compute_LinnhoffHindmarsh4SP1_HotUtility20ColdUtility60PinchAt90And80()
    {
        // Shifted (±5): hot 2 165→55, hot 4 145→25; cold 1 25→140, cold 3 85→145.
        // interval      ΣCPhot−ΣCPcold          surplus     cascade from 0   feasible (+20)
        // 165–145  20 K   3                   = +60         60                80
        // 145–140   5 K   3 + 1.5 − 4         = +2.5        62.5              82.5
        // 140– 85  55 K   3 + 1.5 − 2 − 4     = −82.5      −20                 0   ← pinch at 85 shifted
        //  85– 55  30 K   3 + 1.5 − 2         = +75         55                75
        //  55– 25  30 K   1.5 − 2             = −15         40                60   = cold utility
        // Hot utility 20, cold utility 60; duties hot 330 + 180 = 510, cold 230 + 240 = 470; recovery 510 − 60 = 450.
        var t = ProblemTable.Compute(FourStream);

        Assert.Equal(20m, t.HotUtilityKw);
        Assert.Equal(60m, t.ColdUtilityKw);
        Assert.Equal(450m, t.HeatRecoveryKw);
        Assert.False(t.Threshold);
        Assert.Equal(new PinchPoint(85m, 90m, 80m), t.Pinch);
        Assert.Equal([60m, 2.5m, -82.5m, 75m, -15m], t.ProblemTable.Select(r => r.SurplusKw));
        Assert.Equal([20m, 80m, 82.5m, 0m, 75m, 60m], t.GrandComposite.Select(p => p.HeatKw));
        Assert.Equal([165m, 145m, 140m, 85m, 55m, 25m], t.GrandComposite.Select(p => p.ShiftedTemperatureC));
    }

    [Fact]
    public void Compute_LinnhoffHindmarsh4SP1_CompositeCurvesSitDeltaTMinApartAtThePinch()
    {
        // Hot composite (real °C): 30–60 CP 1.5 → 45; 60–150 CP 4.5 → 405 (450); 150–170 CP 3 → 60 (510).
        // Cold composite from the cold utility 60: 20–80 CP 2 → 120 (180); 80–135 CP 6 → 330 (510); 135–140 CP 4 → 20 (530).
        // At H = 180 kW the hot curve is at 60 + (180 − 45) / 4.5 = 90 °C and the cold curve at 80 °C: ΔTmin apart.
        var t = ProblemTable.Compute(FourStream);

        Assert.Equal([(30m, 0m), (60m, 45m), (150m, 450m), (170m, 510m)], t.CompositeCurves.Hot.Select(p => (p.TemperatureC, p.HeatKw)));
        Assert.Equal([(20m, 60m), (80m, 180m), (135m, 510m), (140m, 530m)], t.CompositeCurves.Cold.Select(p => (p.TemperatureC, p.HeatKw)));
        Assert.Equal(t.CompositeCurves.Cold[^1].HeatKw - t.CompositeCurves.Hot[^1].HeatKw, t.HotUtilityKw);
    }

    [Fact]
    public void Compute_LinnhoffHindmarsh4SP1AtDtMin5_IsAThresholdProblemNeedingColdUtilityOnly()
    {
        // Below its threshold ΔTmin the problem needs no hot utility. With shifts d = ΔTmin / 2 the only boundary
        // that can go negative is the start of cold 3 (80 + d): heat above it is hot 2 3(90 − 2d) + hot 4 1.5(70 − 2d)
        // = 375 − 9d against cold 1 2·55 + cold 3 4·60 = 350, so R = 25 − 9d: zero at d = 25/9, ΔTmin = 50/9 ≈ 5.56 °C.
        // At ΔTmin 5 (d = 2.5): shifted hot 2 167.5→57.5, hot 4 147.5→27.5; cold 1 22.5→137.5, cold 3 82.5→142.5.
        // 167.5–147.5 20 K +3 = +60 → 60; 147.5–142.5 5 K +4.5 = +22.5 → 82.5; 142.5–137.5 5 K +0.5 = +2.5 → 85;
        // 137.5–82.5 55 K −1.5 = −82.5 → 2.5; 82.5–57.5 25 K +2.5 = +62.5 → 65; 57.5–27.5 30 K −0.5 = −15 → 50;
        // 27.5–22.5 5 K −2 = −10 → 40. Never negative: hot utility 0, cold utility 40 = 510 − 470.
        var t = ProblemTable.Compute(FourStream, new PinchOptions { DtMinC = 5 });

        Assert.Equal(0m, t.HotUtilityKw);
        Assert.Equal(40m, t.ColdUtilityKw);
        Assert.True(t.Threshold);
        Assert.Null(t.Pinch);
        Assert.Equal([0m, 60m, 82.5m, 85m, 2.5m, 65m, 50m, 40m], t.GrandComposite.Select(p => p.HeatKw));
    }

    [Fact]
    public void Compute_LinnhoffHindmarsh4SP1JustAboveItsThreshold_NeedsHotUtility()
    {
        // ΔTmin 6 (d = 3): R at 83 = 25 − 27 = −2, so hot utility 2 and cold 42, pinched at 83 shifted (86 / 80 °C).
        var t = ProblemTable.Compute(FourStream, new PinchOptions { DtMinC = 6 });

        Assert.Equal(2m, t.HotUtilityKw);
        Assert.Equal(42m, t.ColdUtilityKw);
        Assert.Equal(new PinchPoint(83m, 86m, 80m), t.Pinch);
    }

    /// <summary>
    /// Smith (2005), Chemical Process Design and Integration, ch. 16 ("Heat Exchanger Networks I: Network Targets"),
    /// the four-stream process (reactor feeds and products); CP in MW/K. Published targets at ΔTmin 10 °C: hot
    /// utility 7.5 MW, cold utility 10.0 MW, pinch 150 °C hot / 140 °C cold.
    /// </summary>
    private static readonly IReadOnlyList<Domain.Model.HeatStream> SmithFourStream =
    [
        Cold("1", 20, 180, 0.20m),
        Hot("2", 250, 40, 0.15m),
        Cold("3", 140, 230, 0.30m),
        Hot("4", 200, 80, 0.25m),
    ];

    [Fact]
    public void Compute_SmithFourStream_HotUtility7point5ColdUtility10PinchAt150And140()
    {
        // Shifted (±5): hot 2 245→35, hot 4 195→75; cold 1 25→185, cold 3 145→235.
        // 245–235 10 K  0.15                    = +1.5   → 1.5    feasible 9.0
        // 235–195 40 K  0.15 − 0.30             = −6.0   → −4.5            3.0
        // 195–185 10 K  0.15 + 0.25 − 0.30      = +1.0   → −3.5            4.0
        // 185–145 40 K  0.40 − 0.30 − 0.20      = −4.0   → −7.5            0   ← pinch at 145 shifted
        // 145– 75 70 K  0.40 − 0.20             = +14.0  → 6.5            14.0
        //  75– 35 40 K  0.15 − 0.20             = −2.0   → 4.5            12.0
        //  35– 25 10 K  −0.20                   = −2.0   → 2.5            10.0 = cold utility
        // Hot utility 7.5 MW; duties hot 31.5 + 30 = 61.5, cold 32 + 27 = 59; recovery 61.5 − 10 = 51.5 MW.
        var t = ProblemTable.Compute(SmithFourStream);

        Assert.Equal(7.5m, t.HotUtilityKw);
        Assert.Equal(10m, t.ColdUtilityKw);
        Assert.Equal(51.5m, t.HeatRecoveryKw);
        Assert.Equal(new PinchPoint(145m, 150m, 140m), t.Pinch);
        Assert.Equal([7.5m, 9m, 3m, 4m, 0m, 14m, 12m, 10m], t.GrandComposite.Select(p => p.HeatKw));
    }

    [Fact]
    public void Compute_SmithFourStreamAtDtMin20_TargetsRise()
    {
        // Shifted (±10): hot 2 240→30, hot 4 190→70; cold 1 30→190, cold 3 150→240.
        // 240–190 50 K 0.15 − 0.30 = −7.5 → −7.5; 190–150 40 K 0.40 − 0.30 − 0.20 = −4 → −11.5 (minimum);
        // 150–70 80 K 0.40 − 0.20 = +16 → 4.5; 70–30 40 K 0.15 − 0.20 = −2 → 2.5.
        // Hot utility 11.5, cold 11.5 + 2.5 = 14, pinch at 150 shifted (160 / 140 °C).
        var t = ProblemTable.Compute(SmithFourStream, new PinchOptions { DtMinC = 20 });

        Assert.Equal(11.5m, t.HotUtilityKw);
        Assert.Equal(14m, t.ColdUtilityKw);
        Assert.Equal(new PinchPoint(150m, 160m, 140m), t.Pinch);
    }

    [Fact]
    public void Compute_HotUtilityOnlyThreshold_ReportsNoPinch()
    {
        // A threshold problem of the other kind (threshold problems: Linnhoff et al. 1982; Kemp 2007, ch. 2): one hot 150→50 CP 1 (100 kW),
        // one cold 40→140 CP 2 (200 kW). Shifted: hot 145→45, cold 45→145; one interval of −1 × 100 = −100.
        // Hot utility 100, cold utility 0: no pinch.
        var t = ProblemTable.Compute([Hot("h", 150, 50, 1), Cold("c", 40, 140, 2)]);

        Assert.Equal(100m, t.HotUtilityKw);
        Assert.Equal(0m, t.ColdUtilityKw);
        Assert.Equal(100m, t.HeatRecoveryKw);
        Assert.True(t.Threshold);
        Assert.Null(t.Pinch);
    }

    [Fact]
    public void Compute_IndividualContributions_ShiftEachStreamByItsOwn()
    {
        // 4SP1 with hot 2 given a 2 °C contribution (e.g. a condensing vapour) and the rest ΔTmin/2 = 5:
        // shifted hot 2 168→58, hot 4 145→25; cold 1 25→140, cold 3 85→145.
        // 168–145 23 K +3 = +69 → 69; 145–140 5 K 3 + 1.5 − 4 = +0.5 → +2.5 → 71.5;
        // 140–85 55 K −1.5 = −82.5 → −11; 85–58 27 K +2.5 = +67.5 → 56.5; 58–25 33 K −0.5 = −16.5 → 40.
        // Hot utility 11, cold 51; pinch at 85 shifted: hot 2 (dt 2) and hot 4 (dt 5) both there → hot side 90, cold 80.
        List<Domain.Model.HeatStream> streams = [.. FourStream];
        streams[1] = Hot("2", 170, 60, 3.0m, dt: 2);

        var t = ProblemTable.Compute(streams);

        Assert.Equal(11m, t.HotUtilityKw);
        Assert.Equal(51m, t.ColdUtilityKw);
        Assert.Equal(new PinchPoint(85m, 90m, 80m), t.Pinch);
    }

    [Fact]
    public void Compute_AnnualFigures_AreKwTimesHoursTimes0point0036()
    {
        // 20 kW × 8,000 h × 0.0036 GJ/kWh = 576 GJ; 60 kW → 1,728 GJ; 450 kW → 12,960 GJ.
        var t = ProblemTable.Compute(FourStream);

        Assert.Equal(8000m, t.HoursPerYear);
        Assert.Equal(new AnnualEnergyGj(576m, 1728m, 12960m), t.AnnualGj);
    }

    [Fact]
    public void Compute_DutyInsteadOfCp_GivesTheSameTargets()
    {
        // The same 4SP1 streams given by duty (kW) instead of CP: 230, 330, 240, 180.
        Domain.Model.HeatStream ByDuty(Domain.Model.HeatStream s) => s with { CpKwPerK = null, DutyKw = s.HeatLoadKw };

        var t = ProblemTable.Compute([.. FourStream.Select(ByDuty)]);

        Assert.Equal((20m, 60m), (t.HotUtilityKw, t.ColdUtilityKw));
    }
}
