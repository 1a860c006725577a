using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>
/// A park's reconciliation as <c>parkcycle reconcile --json</c> and <c>GET /api/parks/{park}/reconciliation</c>
/// serve it. The field names are a contract (issue 15); fields may be added, never renamed.
/// </summary>
public sealed record ReconciliationReport(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("critical_value")] double CriticalValue,
    [property: JsonPropertyName("default_uncertainty_percent")] DefaultUncertainties DefaultUncertaintyPercent,
    [property: JsonPropertyName("flows")] IReadOnlyList<ReconciledFlow> Flows,
    [property: JsonPropertyName("estimated")] IReadOnlyList<EstimatedFlow> Estimated,
    [property: JsonPropertyName("unobservable")] IReadOnlyList<string> Unobservable,
    [property: JsonPropertyName("global_test")] GlobalTestReport GlobalTest,
    [property: JsonPropertyName("balances")] IReadOnlyList<BalanceResidual> Balances,
    [property: JsonPropertyName("blocks")] int Blocks,
    [property: JsonPropertyName("elapsed_ms")] long ElapsedMs);
