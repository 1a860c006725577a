using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>
/// An enterprise's persisted state: profile, declared flows and flags, small and bounded. Report versions are not
/// here: they are appended to the report journal (<see cref="Storage.IReportJournal"/>), one row per report.
/// </summary>
[GenerateSerializer]
public sealed class EnterpriseState
{
    [Id(0)]
    public EnterpriseProfile? Profile { get; set; }

    [Id(1)]
    public List<DeclaredFlow> Flows { get; set; } = [];

    /// <summary>
    /// Report versions stored by ParkCycle before the journal held them; moved to the journal (and emptied) when
    /// the enterprise next activates. Nothing new is added here.
    /// </summary>
    [Id(2)]
    public List<ReportRecord> History { get; set; } = [];

    // Id(3) held the idempotency keys; every record carries its own, so they are rebuilt from the history instead.

    /// <summary>The number of the last report made before the journal (legacy); report numbers now follow the journal's report count.</summary>
    [Id(4)]
    public int NextReport { get; set; }

    /// <summary>Whether the daily <c>expiry</c> reminder has been registered (so it is registered once, not on every report).</summary>
    [Id(5)]
    public bool ExpiryReminder { get; set; }
}

/// <summary>The park's persisted state: setup, members, seeding marker and the end of the reserved block of model versions.</summary>
[GenerateSerializer]
public sealed class ParkState
{
    [Id(0)]
    public ParkSetup? Setup { get; set; }

    [Id(1)]
    public HashSet<string> Members { get; set; } = [];

    [Id(2)]
    public bool Seeded { get; set; }

    [Id(3)]
    public long Version { get; set; }

    /// <summary>The dataset versions imported, oldest first: one small record each; the datasets themselves live in their version grains.</summary>
    [Id(4)]
    public List<DatasetVersionInfo> Versions { get; set; } = [];
}

/// <summary>One dataset version as imported: its record and the dataset JSON document, gzip-compressed.</summary>
[GenerateSerializer]
public sealed class ParkVersionState
{
    [Id(0)]
    public DatasetVersionInfo? Info { get; set; }

    [Id(1)]
    public byte[]? DatasetGzip { get; set; }
}

/// <summary>
/// A year of a park's KPI history, stored compactly: the KPI ids and their unit, target and due date once, then per
/// kept snapshot only its time, dataset version and values in <see cref="Ids"/> order (shorter when KPIs were added later).
/// </summary>
[GenerateSerializer]
public sealed class KpiHistoryState
{
    [Id(0)]
    public List<string> Ids { get; set; } = [];

    /// <summary>Each KPI's latest unit, target and due date (the value field unused), by id.</summary>
    [Id(1)]
    public Dictionary<string, KpiReading> Definitions { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public List<KpiHistoryEntry> Entries { get; set; } = [];
}

/// <summary>One kept snapshot of <see cref="KpiHistoryState"/>.</summary>
[GenerateSerializer]
public sealed class KpiHistoryEntry
{
    [Id(0)]
    public DateTimeOffset At { get; set; }

    [Id(1)]
    public int DatasetVersion { get; set; }

    [Id(2)]
    public decimal?[] Values { get; set; } = [];
}

/// <summary>A retrofit project's persisted state.</summary>
[GenerateSerializer]
public sealed class ProjectState
{
    [Id(0)]
    public ProjectInfo? Project { get; set; }
}

/// <summary>The stored index of a park's retrofit projects.</summary>
[GenerateSerializer]
public sealed class ParkProjectsState
{
    [Id(0)]
    public List<string> ProjectIds { get; set; } = [];

    [Id(1)]
    public long Version { get; set; }
}
