namespace ParkCycle.Graph;

/// <summary>A KPI definition (<c>seeds/catalog/indicators</c>): a formula over named park measures and its target.</summary>
/// <param name="Direction"><c>&gt;=</c> when higher is better, <c>&lt;=</c> when lower is better.</param>
public sealed record IndicatorDefinition(string Id, string Name, string NameEn, string Formula, string Unit, decimal? Target, string Direction, string Source)
{
    /// <summary>When the target is due (the <c>due</c> column, e.g. the plan's 2025 goals); null when the source sets no date.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>What the target means (the <c>target_basis</c> column). The default value is <see cref="KpiTargetBasis.Absolute"/> with a target, else <see cref="KpiTargetBasis.None"/>.</summary>
    public KpiTargetBasis? TargetBasis { get; init; }

    /// <summary>The base year a reduction target is measured from (<c>base_year</c>); null when not a reduction or not stated.</summary>
    public int? BaseYear { get; init; }

    /// <summary>The reduction the source asks for, % below the base year (<c>reduction_pct</c>); null when not stated.</summary>
    public decimal? ReductionPct { get; init; }
}
