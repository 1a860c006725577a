namespace ParkCycle.Graph;

/// <summary>What a KPI's target means (kebab-case on the wire: <c>absolute</c>, <c>reduction-from-base-year</c>, <c>none</c>).</summary>
public enum KpiTargetBasis
{
    /// <summary>No target: the source sets no value.</summary>
    None,

    /// <summary>The target is a value the KPI itself must reach (HJ 274-2015's ≤ 0.5 tce per 10k CNY).</summary>
    Absolute,

    /// <summary>
    /// The target is a reduction against a base year (the plan's energy or CO2 per unit of GDP): the KPI is then the
    /// reduction in %, which needs the base year's value; <see cref="KpiValue.BaseYear"/> and <see cref="KpiValue.ReductionPct"/> say which.
    /// </summary>
    ReductionFromBaseYear,
}
