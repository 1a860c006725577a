namespace ParkCycle.HeatIntegration;

/// <summary>Options for pinch targeting.</summary>
public sealed record PinchOptions
{
    /// <summary>The default ΔTmin, 10 °C: a common starting value for heat recovery between process streams (Kemp 2007, ch. 2).</summary>
    public const decimal DefaultDtMinC = 10m;

    /// <summary>
    /// The minimum temperature difference between hot and cold streams, in °C. Each stream's shift is its own
    /// <c>dt_contribution_c</c> when given, else half of this. The default value is 10 °C.
    /// </summary>
    public decimal DtMinC { get; init; } = DefaultDtMinC;
}
