namespace ParkCycle.Domain.Model;

/// <summary>
/// A process stream of an enterprise for pinch analysis (<c>heat_streams.csv</c>): it is cooled (hot) or heated
/// (cold) from its supply to its target temperature, in °C, with a constant heat-capacity flow rate. The dataset
/// gives <see cref="CpKwPerK"/>, <see cref="DutyKw"/> or both (within 1 %); the values are kept as given so the
/// table writes back exactly, and <see cref="HeatCapacityFlowKwPerK"/> and <see cref="HeatLoadKw"/> are the ones to
/// compute with.
/// </summary>
public sealed record HeatStream(
    string Id,
    string EnterpriseId,
    HeatStreamKind Kind,
    decimal SupplyTemperatureC,
    decimal TargetTemperatureC,
    decimal? CpKwPerK,
    decimal? DutyKw,
    decimal? HoursPerYear,
    decimal? DtContributionC,
    string? Source)
{
    /// <summary>Operating hours a year when the dataset gives none. The default value is 8,000 h.</summary>
    public const decimal DefaultHoursPerYear = 8000m;

    /// <summary>The temperature range the stream is cooled or heated over, in K (always positive for a valid stream).</summary>
    public decimal TemperatureChangeK => Math.Abs(SupplyTemperatureC - TargetTemperatureC);

    /// <summary>Heat-capacity flow rate in kW/K: the given CP, or the duty over the temperature change.</summary>
    public decimal HeatCapacityFlowKwPerK => CpKwPerK ?? (DutyKw!.Value / TemperatureChangeK);

    /// <summary>Heat load in kW: CP × temperature change when CP is given, else the given duty.</summary>
    public decimal HeatLoadKw => CpKwPerK is { } cp ? cp * TemperatureChangeK : DutyKw!.Value;

    /// <summary>Operating hours a year: as given, or <see cref="DefaultHoursPerYear"/>.</summary>
    public decimal EffectiveHoursPerYear => HoursPerYear ?? DefaultHoursPerYear;
}
