namespace ParkCycle.Graph;

/// <summary>How much of one chain's material throughput circulates inside the park.</summary>
public sealed record ChainCircularity(string Chain, decimal ThroughputT, decimal InParkT, decimal? Share);
