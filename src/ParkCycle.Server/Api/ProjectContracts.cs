namespace ParkCycle.Server.Api;

/// <summary><c>POST /api/parks/{park}/projects</c> body: a retrofit or clean-up project to register (fields named as in projects.csv).</summary>
public sealed record ProjectRequest(string? Id, string? Enterprise, string? Type, DateOnly? Start, DateOnly? PlannedEnd,
    [property: System.Text.Json.Serialization.JsonPropertyName("budget_10k_cny")] decimal? Budget10kCny,
    [property: System.Text.Json.Serialization.JsonPropertyName("subsidy_10k_cny")] decimal? Subsidy10kCny);

/// <summary><c>POST /api/parks/{park}/projects/{id}/progress</c> body: progress on a date.</summary>
public sealed record ProgressRequest(decimal? PercentComplete, DateOnly? Date, string? Milestone, string? Note);
