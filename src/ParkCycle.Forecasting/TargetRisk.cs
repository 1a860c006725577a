namespace ParkCycle.Forecasting;

/// <summary>A project that puts a target at risk: its chance of finishing by the due date.</summary>
public sealed record TargetRisk(string ProjectId, string Enterprise, string Type, double ProbabilityByDue, DateOnly? PredictedCompletion, bool Late, bool Stalled);
