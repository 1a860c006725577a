namespace ParkCycle.Graph;

/// <summary>Loops found, the strongly connected components they live in, and whether the listing was capped.</summary>
public sealed record LoopReport(
    IReadOnlyList<Loop> Loops,
    IReadOnlyList<IReadOnlyList<string>> Components,
    bool Capped,
    string? Note);
