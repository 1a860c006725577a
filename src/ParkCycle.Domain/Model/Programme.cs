namespace ParkCycle.Domain.Model;

/// <summary>
/// A programme the plan or a province tracks only as counts: so many items (firms to relocate, sites to clean
/// up) listed, so many done by a date (<c>programmes.csv</c>).
/// </summary>
/// <param name="Total">How many items the programme lists (at least 1); completions never exceed it.</param>
/// <param name="Due">When the programme is due to be complete; null when no date is fixed.</param>
/// <param name="Source">Where the total and due date come from (a citation, or <c>estimate: …</c>).</param>
public sealed record Programme(string Id, string Name, string? NameEn, int Total, DateOnly? Due, string? Source);
