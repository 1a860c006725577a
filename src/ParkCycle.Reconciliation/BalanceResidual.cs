using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>
/// A declared balance's inflows minus outflows in its unit, with the reported values (null when a member flow
/// is of unknown quantity) and after reconciliation (null when a member flow is unobservable), and its member flows
/// with their coefficients, so a reader can sum its inflows and outflows in the balance's unit.
/// </summary>
public sealed record BalanceResidual(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("enterprise")] string Enterprise,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("flows")] int Flows,
    [property: JsonPropertyName("residual_reported")] double? ResidualReported,
    [property: JsonPropertyName("residual_reconciled")] double? ResidualReconciled,
    [property: JsonPropertyName("terms")] IReadOnlyList<BalanceTerm> Terms);
