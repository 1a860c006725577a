namespace ParkCycle.Domain.Model;

/// <summary>
/// One unit of <see cref="SourceMaterialId"/> (in its unit) can replace <see cref="Ratio"/> units of
/// <see cref="TargetMaterialId"/> (in its unit). Heat rules need the source at or above
/// <see cref="MinTemperatureC"/>; <see cref="MaxDistanceKm"/> bounds transport; <see cref="Co2eAvoidedPerUnit"/>
/// is t CO2e avoided per unit of source used. <see cref="Reference"/> cites the factor.
/// </summary>
public sealed record SubstitutionRule(
    string Id,
    string SourceMaterialId,
    string TargetMaterialId,
    decimal Ratio,
    decimal? MinTemperatureC,
    decimal? MaxDistanceKm,
    decimal? Co2eAvoidedPerUnit,
    string? Reference);
