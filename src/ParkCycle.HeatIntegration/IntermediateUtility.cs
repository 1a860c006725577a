namespace ParkCycle.HeatIntegration;

/// <summary>
/// The carrier of indirect heat integration: separate firms do not put their process streams in one exchanger, they
/// raise a hot-water loop or steam main from their surplus and draw on it for their deficits. Temperatures in °C;
/// the carrier's own ΔT contribution defaults to ΔTmin / 2, so process-to-carrier exchangers keep ΔTmin.
/// </summary>
public sealed record IntermediateUtility(CarrierKind Kind, decimal SupplyTemperatureC, decimal ReturnTemperatureC, decimal? DtContributionC = null)
{
    /// <summary>
    /// A 90/60 °C hot-water loop (estimate: the supply/return pair common in low-temperature district heating and
    /// heat-recovery loops; pass another carrier for a site that has one).
    /// </summary>
    public static IntermediateUtility DefaultHotWaterLoop { get; } = new(CarrierKind.HotWaterLoop, 90m, 60m);

    /// <summary>Parses <c>hot-water:SUPPLY:RETURN</c> or <c>steam:T</c>; null when the text is neither.</summary>
    public static IntermediateUtility? Parse(string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        static decimal? Num(string s) => decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) && v is > -273.15m and <= 2000m ? v : null;
        return parts switch
        {
            ["hot-water", var s, var r] when Num(s) is { } supply && Num(r) is { } ret && supply > ret => new IntermediateUtility(CarrierKind.HotWaterLoop, supply, ret),
            ["steam", var s] when Num(s) is { } t => new IntermediateUtility(CarrierKind.SteamMain, t, t),
            _ => null,
        };
    }
}
