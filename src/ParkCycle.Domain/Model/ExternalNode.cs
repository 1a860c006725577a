namespace ParkCycle.Domain.Model;

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
