namespace ParkCycle.Graph;

/// <summary>A park's energy and carbon accounts, computed together from its flows.</summary>
public sealed record ParkAccounts(EnergyReport Energy, CarbonReport Carbon);
