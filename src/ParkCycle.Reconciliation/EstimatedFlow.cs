using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>A flow of unknown quantity that the balances determine.</summary>
public sealed record EstimatedFlow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("estimate")] double Estimate,
    [property: JsonPropertyName("sigma")] double Sigma);
