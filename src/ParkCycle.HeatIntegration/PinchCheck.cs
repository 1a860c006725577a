using System.Globalization;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// Checks proposed heat exchanges against the pinch (the first rule of the pinch design method: no heat transfer
/// across the pinch). On the shifted scale the source sits at its temperature − ΔTmin / 2 and the sink at its
/// temperature + ΔTmin / 2; an exchange whose source is above the pinch and whose sink is below it crosses.
/// </summary>
public static class PinchCheck
{
    /// <summary>Classifies one exchange against <paramref name="targets"/>.</summary>
    public static ExchangeCheck Classify(PinchTargets targets, ProposedHeatExchange exchange)
    {
        var half = targets.DtMinC / 2;
        var source = exchange.SourceTemperatureC - half;
        decimal? sink = exchange.SinkTemperatureC + half;
        var (crossing, reason) = (targets.Pinch, sink) switch
        {
            (_, { } k) when source < k => (PinchCrossing.BelowApproach,
                $"the source at {F(exchange.SourceTemperatureC)} °C is less than ΔTmin {F(targets.DtMinC)} °C above the sink at {F(exchange.SinkTemperatureC!.Value)} °C"),
            (null, _) => (PinchCrossing.NoPinch, "a threshold problem: no pinch"),
            ({ } p, { } k) when source > p.ShiftedC && k < p.ShiftedC => (PinchCrossing.CrossesPinch,
                $"heat from above the pinch ({F(p.HotC)} °C hot side) used below it ({F(p.ColdC)} °C cold side): raises both utilities"),
            ({ } p, null) when source > p.ShiftedC => (PinchCrossing.Unknown, "the source is above the pinch; the sink's temperature is unknown"),
            ({ } p, _) => (PinchCrossing.DoesNotCross, source <= p.ShiftedC ? "the source is at or below the pinch" : "source and sink are both above the pinch"),
        };
        return new ExchangeCheck(exchange.Id, exchange.Supplier, exchange.Consumer, exchange.Material, exchange.SourceTemperatureC, exchange.SinkTemperatureC, crossing, reason);
    }

    private static string F(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
