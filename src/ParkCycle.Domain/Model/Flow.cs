using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Model;

/// <summary>
/// An annual flow of one material from one node to another. <see cref="Quantity"/> is null when
/// not known: unknown is kept as unknown and never read as zero. <see cref="Source"/> is its provenance.
/// </summary>
public sealed record Flow(
    string Id,
    string From,
    string To,
    string MaterialId,
    Quantity? Quantity,
    Unit Unit,
    FlowStatus Status,
    string? Source)
{
    /// <summary>True when both ends are enterprises of the park (no <c>ext:</c> node).</summary>
    public bool IsInternal => !ExternalNode.IsExternal(From) && !ExternalNode.IsExternal(To);

    /// <summary>The role the row states (flows.csv <c>role</c>); null means the material's default.</summary>
    public FlowRole? Role { get; init; }

    /// <summary>The flow's role: as stated, else <paramref name="material"/>'s default.</summary>
    public FlowRole RoleOf(Material material) => Role ?? material.DefaultRole;

    /// <summary>
    /// The relative standard deviation of <see cref="Quantity"/> in percent (the <c>uncertainty</c> column);
    /// null when not stated, and reconciliation then takes a default by <see cref="FlowProvenance"/>.
    /// </summary>
    public decimal? UncertaintyPercent { get; init; }
}
