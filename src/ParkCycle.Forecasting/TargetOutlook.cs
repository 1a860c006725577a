namespace ParkCycle.Forecasting;

/// <summary>A target's curve, the share expected at its due date against the target, and the projects that put it at risk.</summary>
public sealed record TargetOutlook(PlanTarget Target, int Population, IReadOnlyList<OutlookPoint> Curve, OutlookPoint AtDue, OutlookStatus Status, IReadOnlyList<TargetRisk> Risks);
