namespace ParkCycle.Grains.Abstractions;

/// <summary>The offer and need behind a match handle, and the enterprises on each side (never sent to an enterprise before consent).</summary>
[GenerateSerializer, Immutable]
public sealed record MatchPair(
    [property: Id(0)] string OfferReportId,
    [property: Id(1)] string NeedReportId,
    [property: Id(2)] string Supplier,
    [property: Id(3)] string Consumer)
{
    /// <summary>The key of the pair's <see cref="IConnectionGrain"/>.</summary>
    public string ConnectionKey => $"{OfferReportId}|{NeedReportId}";
}
