namespace ParkCycle.Graph;

/// <summary>An input bought from outside the park or supplied in it, or a need report.</summary>
/// <param name="Quantity">Annual quantity in the material's own unit; null when unknown.</param>
public sealed record ExchangeNeed(string Id, string Consumer, string MaterialId, decimal? Quantity, decimal? Latitude, decimal? Longitude)
{
    /// <summary>The consumer's capabilities (processes it runs) and hazardous-waste licence codes.</summary>
    public IReadOnlyList<string> Holds { get; init; } = [];

    /// <summary>The park enterprise that supplies it today; null when it is imported.</summary>
    public string? InParkSupplier { get; init; }

    /// <summary>When the consumer leaves the park (relocating or closing); null when it stays.</summary>
    public DateOnly? EndDate { get; init; }
}
