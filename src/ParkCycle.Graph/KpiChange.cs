namespace ParkCycle.Graph;

/// <summary>A KPI before and after a scenario.</summary>
public sealed record KpiChange(string Id, decimal? Before, decimal? After, KpiStatus StatusBefore, KpiStatus StatusAfter);
