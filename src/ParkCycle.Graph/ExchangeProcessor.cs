namespace ParkCycle.Graph;

/// <summary>An enterprise that runs processes or holds licences, where a pathway's process can run as a second hop.</summary>
/// <param name="Holds">Its capability and licence codes.</param>
public sealed record ExchangeProcessor(string Enterprise, IReadOnlyList<string> Holds, decimal? Latitude, decimal? Longitude)
{
    /// <summary>When it leaves the park, if it is relocating or closing; null otherwise.</summary>
    public DateOnly? EndDate { get; init; }
}
