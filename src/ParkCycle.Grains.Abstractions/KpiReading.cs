namespace ParkCycle.Grains.Abstractions;

/// <summary>One KPI of an analysed snapshot: its value (null when not computable), unit, target and when the target is due.</summary>
[GenerateSerializer, Immutable]
public sealed record KpiReading(
    [property: Id(0)] string Id,
    [property: Id(1)] decimal? Value,
    [property: Id(2)] string Unit,
    [property: Id(3)] decimal? Target,
    [property: Id(4)] DateOnly? Due);
