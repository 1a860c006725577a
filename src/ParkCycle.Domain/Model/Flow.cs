using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Model;

/// <summary>Whether a flow runs today or is planned.</summary>
public enum FlowStatus
{
    Existing,
    Planned,
}

/// <summary>The nodes outside the park's enterprises that flows start or end at.</summary>
public static class ExternalNode
{
    /// <summary>Bought from outside the park.</summary>
    public const string Import = "ext:import";

    /// <summary>Sold outside the park.</summary>
    public const string Market = "ext:market";

    public const string Landfill = "ext:landfill";
    public const string Incineration = "ext:incineration";
    public const string Discharge = "ext:discharge";

    /// <summary>Vented heat and emissions.</summary>
    public const string Atmosphere = "ext:atmosphere";

    /// <summary>Stockpiled on site or in a yard.</summary>
    public const string Storage = "ext:storage";

    public const string Prefix = "ext:";

    public static IReadOnlyList<string> All { get; } = [Import, Market, Landfill, Incineration, Discharge, Atmosphere, Storage];

    /// <summary>The disposal sinks: what goes there is lost to the park's loops.</summary>
    public static IReadOnlyList<string> DisposalSinks { get; } = [Landfill, Incineration, Discharge, Atmosphere, Storage];

    public static bool IsExternal(string node) => node.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsKnown(string node) => All.Contains(node, StringComparer.Ordinal);

    public static bool IsDisposal(string node) => DisposalSinks.Contains(node, StringComparer.Ordinal);
}

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
