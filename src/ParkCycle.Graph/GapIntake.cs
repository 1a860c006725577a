namespace ParkCycle.Graph;

/// <summary>What a recruited enterprise would take in: one material, how much, from whom.</summary>
public sealed record GapIntake(string Material, decimal? Quantity, string Unit, IReadOnlyList<string> Suppliers);
