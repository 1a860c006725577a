namespace ParkCycle.Domain.Model;

/// <summary>The kinds of retrofit and clean-up project the plan tracks.</summary>
public enum ProjectType
{
    CleanerProductionAudit,
    CleanerProduction,
    CircularTransformation,
    EnergySaving,
    Relocation,
    Closure,
    SiteRemediation,
}

public enum ProjectStatus
{
    Planned,
    InProgress,
    Completed,
    Cancelled,
}

/// <summary>A retrofit or clean-up project of one enterprise; money in 10k CNY.</summary>
public sealed record RetrofitProject(
    string Id,
    string EnterpriseId,
    ProjectType Type,
    DateOnly Start,
    DateOnly? PlannedEnd,
    decimal? Budget10kCny,
    decimal? Subsidy10kCny,
    ProjectStatus Status,
    DateOnly? CompletedOn);

/// <summary>A progress report: percent complete (0–100) on a date; a decrease must carry a note.</summary>
public sealed record ProgressReport(string ProjectId, DateOnly Date, decimal PercentComplete, string? Note);
