namespace ParkCycle.HeatIntegration;

/// <summary>
/// The heat the park recovers today against the target, in GJ/a: existing waste-heat flows between two of its
/// enterprises, the maximum heat recovery target, and the saving still available (target − today, at least 0).
/// </summary>
public sealed record HeatToday(decimal RecoveredGj, IReadOnlyList<string> Flows, decimal TargetGj, decimal RemainingGj, decimal? ShareOfTarget);
