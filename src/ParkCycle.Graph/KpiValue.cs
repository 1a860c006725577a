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

    /// <summary>What <see cref="Target"/> means: an absolute value, a reduction from a base year, or none. The default value is <see cref="KpiTargetBasis.None"/>.</summary>
    public KpiTargetBasis TargetBasis { get; init; }

    /// <summary>The base year of a reduction target; null otherwise or when the source does not say.</summary>
    public int? BaseYear { get; init; }

    /// <summary>The reduction a reduction target asks for, % below the base year; null otherwise or when the source does not say.</summary>
    public decimal? ReductionPct { get; init; }
}
