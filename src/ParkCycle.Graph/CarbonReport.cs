namespace ParkCycle.Graph;

/// <summary>The carbon accounts: per enterprise, the park, and every factor used with its source.</summary>
public sealed record CarbonReport(IReadOnlyList<EnterpriseCarbon> Enterprises, ParkCarbon Park, IReadOnlyList<EmissionFactor> Factors);
