namespace ParkCycle.Graph;

/// <summary>Options for finding loops.</summary>
public sealed record LoopOptions
{
    /// <summary>Longest cycle listed, in hops. The default value is 8.</summary>
    public int MaxLength { get; init; } = 8;

    /// <summary>Most cycles listed before the search stops and says so. The default value is 1,000.</summary>
    public int MaxCycles { get; init; } = 1000;
}
