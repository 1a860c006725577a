namespace ParkCycle.Graph;

/// <summary>The chosen exchanges and their totals (CO2e in t/a, money in CNY/a).</summary>
/// <param name="Exchanges">Opportunities with the quantity the plan assigns (source units).</param>
/// <param name="Excluded">Opportunities left out because a figure the optimiser needs is unknown.</param>
public sealed record ExchangePlan(
    IReadOnlyList<ExchangeOpportunity> Exchanges,
    decimal TotalCo2eAvoidedT,
    decimal TotalTransportCostCny,
    decimal TotalNetValueCny,
    decimal Objective,
    int Excluded,
    string Solver,
    string Status);
