namespace ParkCycle.HeatIntegration;

/// <summary>Options for a park's heat-integration report.</summary>
public sealed record ParkHeatOptions
{
    /// <summary>ΔTmin in °C. The default value is 10 °C.</summary>
    public decimal DtMinC { get; init; } = PinchOptions.DefaultDtMinC;

    /// <summary>The carrier for indirect integration between enterprises. The default value is <see cref="IntermediateUtility.DefaultHotWaterLoop"/>.</summary>
    public IntermediateUtility Carrier { get; init; } = IntermediateUtility.DefaultHotWaterLoop;

    /// <summary>The ΔTmin values of the sweep. The default value is <see cref="DtMinSweep.DefaultDtMinsC"/>.</summary>
    public IReadOnlyList<decimal> SweepDtMinsC { get; init; } = DtMinSweep.DefaultDtMinsC;
}
