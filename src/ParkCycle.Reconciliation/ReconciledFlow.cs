using System.Text.Json.Serialization;

namespace ParkCycle.Reconciliation;

/// <summary>A reported flow in a declared balance, before and after reconciliation, in the flow's own unit.</summary>
public sealed record ReconciledFlow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("material")] string Material,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("reported")] double Reported,
    [property: JsonPropertyName("sigma_reported")] double SigmaReported,
    [property: JsonPropertyName("uncertainty_percent")] decimal UncertaintyPercent,
    [property: JsonPropertyName("uncertainty_from")] string UncertaintyFrom,
    [property: JsonPropertyName("reconciled")] double Reconciled,
    [property: JsonPropertyName("sigma_reconciled")] double SigmaReconciled,
    [property: JsonPropertyName("adjustment")] double Adjustment,
    [property: JsonPropertyName("test")] double Test,
    [property: JsonPropertyName("flagged")] bool Flagged,
    [property: JsonPropertyName("redundant")] bool Redundant);
