namespace ParkCycle.Graph;

/// <summary>Where a KPI stands against its target (kebab-case on the wire: <c>met</c>, <c>not-met</c>, <c>no-target</c>, <c>not-computable</c>).</summary>
public enum KpiStatus
{
    /// <summary>The value meets the target.</summary>
    Met,

    /// <summary>The value misses the target.</summary>
    NotMet,

    /// <summary>A value without a numeric target (the plan or standard sets none).</summary>
    NoTarget,

    /// <summary>The data cannot give a value; <see cref="KpiValue.Reason"/> says what is missing.</summary>
    NotComputable,
}
