namespace ParkCycle.Graph;

/// <summary>One emission factor the carbon accounts used: t CO2 per unit of a material, and its source.</summary>
public sealed record EmissionFactor(string Material, decimal TCo2PerUnit, string Unit, string Source);
