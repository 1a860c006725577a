namespace ParkCycle.Forecasting;

/// <summary>A flagged project: late (past its planned end) or stalled (no progress for N months).</summary>
public sealed record ProjectFlag(string ProjectId, string Enterprise, string Type, bool Late, bool Stalled, double MonthsSinceProgress);
