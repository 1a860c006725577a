namespace ParkCycle.Graph;

/// <summary>The strongly connected components the loops live in, and whether the loop listing was capped.</summary>
public sealed record LoopStructure(IReadOnlyList<IReadOnlyList<string>> Components, bool Capped, string? Note);
