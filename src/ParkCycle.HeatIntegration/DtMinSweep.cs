using ParkCycle.Domain.Model;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// Targets against ΔTmin, for choosing an economic ΔTmin: utilities rise (never fall) as ΔTmin grows while the
/// exchanger area needed falls; the threshold ΔTmin is where the second utility first appears.
/// </summary>
public static class DtMinSweep
{
    /// <summary>The ΔTmin values swept when none are given: 1, 2.5, 5, 7.5, 10, 15, 20, 25, 30 and 40 °C.</summary>
    public static IReadOnlyList<decimal> DefaultDtMinsC { get; } = [1m, 2.5m, 5m, 7.5m, 10m, 15m, 20m, 25m, 30m, 40m];

    /// <summary>One point per ΔTmin, in the order given.</summary>
    public static IReadOnlyList<SweepPoint> Compute(IReadOnlyList<HeatStream> streams, IEnumerable<decimal>? dtMinsC = null) =>
        [.. (dtMinsC ?? DefaultDtMinsC).Select(dt =>
        {
            var t = ProblemTable.Compute(streams, new PinchOptions { DtMinC = dt });
            return new SweepPoint(dt, t.HotUtilityKw, t.ColdUtilityKw, t.HeatRecoveryKw, t.Pinch?.ShiftedC, t.Threshold);
        })];
}
