namespace ParkCycle.Graph;

/// <summary>A flow that loses its other end when enterprises leave: an output without its consumer or an input without its supplier.</summary>
public sealed record OrphanedFlow(string FlowId, string From, string To, string Material, decimal? Quantity, string Unit, string Kind);
