namespace ParkCycle.Graph;

/// <summary>
/// An enterprise's balance with what is worth a look: a mass imbalance beyond the tolerance, an energy imbalance
/// beyond it at an enterprise that delivers energy, or flows of unknown quantity.
/// </summary>
/// <param name="MassImbalance">|in − out| / max(in, out) for mass; null when the enterprise moves no mass.</param>
public sealed record BalanceLine(
    string Enterprise,
    decimal MassInT,
    decimal MassOutT,
    decimal EnergyInGj,
    decimal EnergyOutGj,
    decimal WaterInM3,
    decimal WaterOutM3,
    decimal? MassImbalance,
    decimal? EnergyImbalance,
    int UnknownFlows,
    IReadOnlyList<string> Flags);
