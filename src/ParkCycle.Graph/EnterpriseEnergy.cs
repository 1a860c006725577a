namespace ParkCycle.Graph;

/// <summary>
/// An enterprise's comprehensive energy consumption (综合能耗, GB/T 2589-2020) from its flows: energy bought or
/// received minus energy delivered to others, feedstock use excluded, never below zero (a net producer, such as a
/// PV plant, consumes nothing). <see cref="ConsumptionTce"/> counts electricity at calorific value (当量值,
/// 0.1229 kgce/kWh); <see cref="ConsumptionEquivalentTce"/> at equivalent value (等价值, the generation coal rate).
/// </summary>
/// <param name="DeclaredTce">The enterprise's declared <c>energy_tce</c>; null when not declared.</param>
/// <param name="DifferenceTce">Computed minus declared (calorific basis); null when nothing is declared.</param>
/// <param name="UnknownFlows">Energy flows of unknown quantity, so the consumption is a lower bound.</param>
public sealed record EnterpriseEnergy(
    string Enterprise,
    decimal ConsumptionTce,
    decimal ConsumptionEquivalentTce,
    decimal? DeclaredTce,
    decimal? DifferenceTce,
    int UnknownFlows,
    IReadOnlyList<CarrierUse> ByCarrier);
