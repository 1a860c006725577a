using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// The append-only history of an enterprise's report versions. A report is stored by appending its one new version
/// (O(1) whatever the enterprise's past), instead of rewriting the enterprise's state with every version it ever
/// made; an append returns only once the version is durable, so a report is acknowledged only after that.
/// </summary>
public interface IReportJournal
{
    /// <summary>Appends <paramref name="record"/> as the next version of <paramref name="enterprise"/>'s history; durable on return. Appending a version already held (same report id and version) is a no-op.</summary>
    Task AppendAsync(string enterprise, ReportRecord record);

    /// <summary>Every version <paramref name="enterprise"/> ever reported, in the order they were appended.</summary>
    Task<IReadOnlyList<ReportRecord>> ReadAsync(string enterprise);
}
