namespace ParkCycle.Graph;

/// <summary>An output on offer: a flow to disposal or out of the park, or a byproduct report.</summary>
/// <param name="Quantity">Annual quantity in the material's own unit; null when unknown.</param>
/// <param name="Destination">Where it goes today (an external node), e.g. <c>ext:landfill</c>.</param>
public sealed record ExchangeOffer(string Id, string Supplier, string MaterialId, decimal? Quantity, string Destination, decimal? Latitude, decimal? Longitude)
{
    /// <summary>The supplier's capabilities and licences (for recovery within the enterprise).</summary>
    public IReadOnlyList<string> Holds { get; init; } = [];

    /// <summary>When the supplier leaves the park (relocating or closing); null when it stays.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Whether the output is sold today (out of the park): no avoided production or disposal is credited for it.</summary>
    public bool Sold => Destination == Domain.Model.ExternalNode.Market;
}
