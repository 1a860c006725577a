using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// One stage of a circular chain template: what it takes in and gives out (catalogue materials).
/// <see cref="MinScale"/> is the smallest intake (sum over its inputs, in their own units per year) at which a
/// plant of this stage is economic; null when not stated.
/// </summary>
public sealed record ChainStage(Chain Chain, string Id, int Order, string Name, string NameEn, string? Sector, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, string? Note)
{
    /// <summary>Smallest economic intake per year (units of the inputs); null when not stated.</summary>
    public decimal? MinScale { get; init; }
}
