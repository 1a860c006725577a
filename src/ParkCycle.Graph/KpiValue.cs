namespace ParkCycle.Graph;

/// <summary>
/// A computed KPI. <see cref="Value"/> is null when the dataset cannot support it; <see cref="Status"/> is then
/// <see cref="KpiStatus.NotComputable"/> and <see cref="Reason"/> says what is missing. <see cref="Inputs"/> shows
/// every measure the value came from.
/// </summary>
public sealed record KpiValue(
    string Id,
    string Name,
    string NameEn,
    decimal? Value,
    string Unit,
    decimal? Target,
    KpiDirection Direction,
    KpiStatus Status,
    string? Reason,
    string Formula,
    IReadOnlyDictionary<string, decimal?> Inputs,
    string Source)
{
    /// <summary>When <see cref="Target"/> is due; null when its source sets no date.</summary>
    public DateOnly? Due { get; init; }
}
