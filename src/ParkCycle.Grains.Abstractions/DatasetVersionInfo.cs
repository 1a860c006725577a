namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// One imported version of a park's dataset: its number (1 for the first import or seed, then +1 per import), the
/// manifest's reference year, when it was imported (the host's clock), and its size.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DatasetVersionInfo(
    [property: Id(0)] int Version,
    [property: Id(1)] int? ReferenceYear,
    [property: Id(2)] DateTimeOffset ImportedAt,
    [property: Id(3)] int Enterprises,
    [property: Id(4)] int Flows);
