namespace ParkCycle.Domain.Model;

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
