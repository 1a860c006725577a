namespace ParkCycle.Graph;

/// <summary>One Sankey link: annual tonnes from one node to another.</summary>
public sealed record SankeyFlow(string Source, string Target, decimal Tonnes);
