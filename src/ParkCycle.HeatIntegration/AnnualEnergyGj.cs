using System.Text.Json.Serialization;

namespace ParkCycle.HeatIntegration;

/// <summary>Annual energy in GJ/a: kW × hours a year × 0.0036 GJ/kWh.</summary>
public sealed record AnnualEnergyGj(
    [property: JsonPropertyName("hot_utility")] decimal HotUtility,
    [property: JsonPropertyName("cold_utility")] decimal ColdUtility,
    [property: JsonPropertyName("heat_recovery")] decimal HeatRecovery)
{
    /// <summary>GJ in one kWh (3.6 MJ).</summary>
    public const decimal GjPerKwh = 0.0036m;
}
