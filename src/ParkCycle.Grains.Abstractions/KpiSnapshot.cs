namespace ParkCycle.Grains.Abstractions;

/// <summary>The KPIs of one analysed snapshot of a park, when it was analysed and which dataset version it was of.</summary>
[GenerateSerializer, Immutable]
public sealed record KpiSnapshot(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int DatasetVersion,
    [property: Id(2)] IReadOnlyList<KpiReading> Kpis);
