namespace ParkCycle.Domain.Model;

/// <summary>A dataset's manifest (<c>dataset.json</c>).</summary>
public sealed record DatasetManifest(string Id, string Name, int? ReferenceYear, string? Description, string? Provenance);
