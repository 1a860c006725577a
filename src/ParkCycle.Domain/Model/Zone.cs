namespace ParkCycle.Domain.Model;

/// <summary>A zone of the park (园区), e.g. the green chemical park or Binjiang.</summary>
public sealed record Zone(string Id, string Name, string? NameEn);
