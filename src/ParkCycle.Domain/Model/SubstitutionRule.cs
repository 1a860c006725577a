namespace ParkCycle.Domain.Model;

/// <summary>
/// One unit of <see cref="SourceMaterialId"/> (in its unit) can replace <see cref="Ratio"/> units of
/// <see cref="TargetMaterialId"/> (in its unit). Heat rules need the source at or above
/// <see cref="MinTemperatureC"/>; <see cref="MaxDistanceKm"/> bounds transport; <see cref="Co2eAvoidedPerUnit"/>
/// is t CO2e avoided per unit of source used. <see cref="Reference"/> cites the factor. A rule is a pathway:
/// <see cref="Process"/> names the process it needs (null: direct use), <see cref="MaxShare"/> caps the source's
/// share of the consumer's input, <see cref="Requires"/> names a capability or licence the consumer must hold.
/// </summary>
public sealed record SubstitutionRule(
    string Id,
    string SourceMaterialId,
    string TargetMaterialId,
    decimal Ratio,
    decimal? MinTemperatureC,
    decimal? MaxDistanceKm,
    decimal? Co2eAvoidedPerUnit,
    string? Reference)
{
    /// <summary>The process the pathway needs (<c>anaerobic-digestion</c>, <c>acid-regeneration</c>, <c>heat-to-power</c>, …); null for direct use.</summary>
    public string? Process { get; init; }

    /// <summary>Blending cap: the most of the consumer's input of the target this source may replace, as a fraction (0–1]; null for no cap.</summary>
    public decimal? MaxShare { get; init; }

    /// <summary>A capability or licence code the consumer must hold (e.g. <c>cement-kiln</c>, <c>HW08</c>); null when none.</summary>
    public string? Requires { get; init; }

    /// <summary>Cost of the process per unit of source, CNY; null when none or not known.</summary>
    public decimal? ProcessingCostCnyPerUnit { get; init; }

    /// <summary>Preconditions on the source's quality (free text, e.g. <c>SO3 ≤ 3.5 %</c>); null when none.</summary>
    public string? Quality { get; init; }
}
