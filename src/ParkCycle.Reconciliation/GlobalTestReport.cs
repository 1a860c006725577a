using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>The global chi-square test of the report.</summary>
public sealed record GlobalTestReport(
    [property: JsonPropertyName("statistic")] double Statistic,
    [property: JsonPropertyName("degrees_of_freedom")] int DegreesOfFreedom,
    [property: JsonPropertyName("p_value")] double PValue,
    [property: JsonPropertyName("passed")] bool Passed);
