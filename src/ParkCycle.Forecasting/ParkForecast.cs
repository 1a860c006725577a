namespace ParkCycle.Forecasting;

/// <summary>The park's forecast: per-project completions, per-target curves, and flags.</summary>
public sealed record ParkForecast(DateOnly AsOf, IReadOnlyList<CompletionForecast> Projects, IReadOnlyList<TargetOutlook> Targets, IReadOnlyList<ProjectFlag> Flags, int Simulations);
