using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>
/// A declared balance's inflows minus outflows in its unit, with the reported values (null when a member flow
/// is of unknown quantity) and after reconciliation (null when a member flow is unobservable).
/// </summary>
public sealed record BalanceResidual(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("enterprise")] string Enterprise,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("flows")] int Flows,
    [property: JsonPropertyName("residual_reported")] double? ResidualReported,
    [property: JsonPropertyName("residual_reconciled")] double? ResidualReconciled);
