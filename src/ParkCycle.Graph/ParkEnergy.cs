namespace ParkCycle.Graph;

/// <summary>
/// The park's comprehensive energy consumption without double counting: in-park transfers (the CHP's steam and
/// power) cancel, so <see cref="ByCarrier"/> is what crosses the park boundary, plus what park enterprises produce
/// and use themselves (<see cref="InParkProductionTce"/>, e.g. PV power used in the park).
/// </summary>
public sealed record ParkEnergy(
    decimal ConsumptionTce,
    decimal ConsumptionEquivalentTce,
    decimal? DeclaredTce,
    decimal? DifferenceTce,
    decimal InParkProductionTce,
    IReadOnlyList<CarrierUse> ByCarrier);
