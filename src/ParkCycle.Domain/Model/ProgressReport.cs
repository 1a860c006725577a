namespace ParkCycle.Domain.Model;

/// <summary>A progress report: percent complete (0–100) on a date; a decrease must carry a note.</summary>
public sealed record ProgressReport(string ProjectId, DateOnly Date, decimal PercentComplete, string? Note);
