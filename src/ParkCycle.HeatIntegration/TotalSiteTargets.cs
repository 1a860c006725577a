namespace ParkCycle.HeatIntegration;

/// <summary>
/// Indirect (total-site) integration through one carrier, in kW: the enterprises integrating alone, the heat the
/// carrier can move between them, the utilities left after it, and the direct target (all streams in one problem)
/// as the bound no carrier can beat. Profiles are the site source and sink profiles on the shifted scale (°C): heat
/// available at or above a temperature, and heat needed at or below it, summed over enterprises.
/// </summary>
public sealed record TotalSiteTargets(
    IntermediateUtility Carrier,
    IReadOnlyList<EnterpriseSiteTargets> Enterprises,
    decimal SeparateHotUtilityKw,
    decimal SeparateColdUtilityKw,
    decimal IndirectRecoveryKw,
    decimal HotUtilityAfterKw,
    decimal ColdUtilityAfterKw,
    decimal DirectHotUtilityKw,
    decimal DirectColdUtilityKw,
    IReadOnlyList<GrandCompositePoint> SourceProfile,
    IReadOnlyList<GrandCompositePoint> SinkProfile);
