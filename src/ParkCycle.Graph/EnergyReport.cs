namespace ParkCycle.Graph;

/// <summary>The energy accounts (GB/T 2589-2020): per enterprise and for the park, with the coefficients used.</summary>
/// <param name="ElectricityTcePerMwh">Calorific value of electricity, tce/MWh (0.1229, GB/T 2589-2020).</param>
/// <param name="GenerationCoalRateTcePerMwh">Equivalent value of electricity, tce/MWh (the generation coal rate).</param>
public sealed record EnergyReport(
    IReadOnlyList<EnterpriseEnergy> Enterprises,
    ParkEnergy Park,
    decimal ElectricityTcePerMwh,
    decimal GenerationCoalRateTcePerMwh,
    IReadOnlyList<string> Sources);
