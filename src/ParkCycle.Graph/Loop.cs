namespace ParkCycle.Graph;

/// <summary>A closed loop: enterprises in order (the last hands back to the first) and each hop.</summary>
public sealed record Loop(IReadOnlyList<string> Enterprises, IReadOnlyList<LoopHop> Hops);
