namespace ParkCycle.Graph;

/// <summary>What a recruited enterprise would supply back to enterprises that now import it (or a material it replaces).</summary>
public sealed record GapSupply(string Material, string ReplacesMaterial, IReadOnlyList<string> Consumers, decimal? ConsumerDemand, string Unit);
