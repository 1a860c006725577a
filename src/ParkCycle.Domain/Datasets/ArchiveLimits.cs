namespace ParkCycle.Domain.Datasets;

/// <summary>
/// Bounds on a zip archive (a zipped dataset folder, or an xlsx workbook, which is a zip) checked while it is
/// decompressed, never trusting the sizes its headers claim: at most <see cref="MaxEntries"/> entries, each at most
/// <see cref="MaxEntryBytes"/> uncompressed, all together at most <see cref="MaxTotalBytes"/>.
/// </summary>
/// <param name="MaxEntries">The most entries an archive may hold. The default value is 256.</param>
/// <param name="MaxEntryBytes">The most bytes one entry may decompress to. The default value is 32 MiB.</param>
/// <param name="MaxTotalBytes">The most bytes all entries together may decompress to. The default value is 64 MiB.</param>
public sealed record ArchiveLimits(int MaxEntries = 256, long MaxEntryBytes = 32L * 1024 * 1024, long MaxTotalBytes = 64L * 1024 * 1024)
{
    /// <summary>The defaults: 256 entries, 32 MiB each, 64 MiB in all.</summary>
    public static ArchiveLimits Default { get; } = new();
}
