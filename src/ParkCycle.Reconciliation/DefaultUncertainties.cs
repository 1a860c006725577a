using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>The uncertainty (percent relative standard deviation) given to flows whose cell is blank, by provenance.</summary>
public sealed record DefaultUncertainties(
    [property: JsonPropertyName("measured")] decimal Measured,
    [property: JsonPropertyName("plan")] decimal Plan,
    [property: JsonPropertyName("estimate")] decimal Estimate);
