namespace ParkCycle.Domain.Model;

/// <summary>A programme's cumulative count of completed items on a date (<c>programme_progress.csv</c>).</summary>
/// <param name="Completed">Items completed since the programme began (cumulative: never falls, never above the total).</param>
/// <param name="Source">Where the count comes from (a citation, or <c>estimate: …</c>).</param>
public sealed record ProgrammeProgress(string ProgrammeId, DateOnly Date, int Completed, string? Source);
