namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// The open needs one material exchange holds, stamped so a copy kept elsewhere can tell a newer list from an older
/// one: <see cref="Epoch"/> is new with every activation of the exchange, <see cref="Version"/> counts its changes since.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeNeeds(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<OpenPosition> Needs)
{
    /// <summary>True when this list should replace <paramref name="held"/>: a later change of the same activation, or any list of another.</summary>
    public bool Supersedes(ExchangeNeeds? held) => held is null || held.Epoch != Epoch || Version > held.Version;
}
