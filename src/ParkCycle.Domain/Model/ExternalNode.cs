namespace ParkCycle.Domain.Model;

/// <summary>The nodes outside the park's enterprises that flows start or end at.</summary>
public static class ExternalNode
{
    /// <summary>Bought from outside the park.</summary>
    public const string Import = "ext:import";

    /// <summary>Sold outside the park.</summary>
    public const string Market = "ext:market";

    /// <summary>Landfilled (solid wastes); a disposal sink.</summary>
    public const string Landfill = "ext:landfill";
    /// <summary>Sent to an incinerator; a disposal sink.</summary>
    public const string Incineration = "ext:incineration";
    /// <summary>Discharged, e.g. treated wastewater to a water body; a disposal sink.</summary>
    public const string Discharge = "ext:discharge";

    /// <summary>Vented heat and emissions.</summary>
    public const string Atmosphere = "ext:atmosphere";

    /// <summary>Stockpiled on site or in a yard.</summary>
    public const string Storage = "ext:storage";

    /// <summary>The prefix every external node id has and no enterprise id may have: <c>ext:</c>.</summary>
    public const string Prefix = "ext:";

    /// <summary>Every external node, import and market first, then the disposal sinks.</summary>
    public static IReadOnlyList<string> All { get; } = [Import, Market, Landfill, Incineration, Discharge, Atmosphere, Storage];

    /// <summary>The disposal sinks: what goes there is lost to the park's loops.</summary>
    public static IReadOnlyList<string> DisposalSinks { get; } = [Landfill, Incineration, Discharge, Atmosphere, Storage];

    /// <summary>True when the id has the <c>ext:</c> prefix (known node or not).</summary>
    public static bool IsExternal(string node) => node.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True when the id is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string node) => All.Contains(node, StringComparer.Ordinal);

    /// <summary>True when the id is one of <see cref="DisposalSinks"/> (everything external but import and market).</summary>
    public static bool IsDisposal(string node) => DisposalSinks.Contains(node, StringComparer.Ordinal);
}
