using System.IO.Compression;

namespace ParkCycle.Domain.Datasets;

/// <summary>Reads a zip archive's files within <see cref="ArchiveLimits"/>, counting the bytes actually decompressed.</summary>
public static class ZipFiles
{
    /// <summary>
    /// The files of <paramref name="zip"/> by name (folders flattened), or <see cref="ArchiveTooLargeException"/> as soon
    /// as a limit is passed; <see cref="InvalidDataException"/> when it is not a zip archive.
    /// </summary>
    public static IReadOnlyDictionary<string, byte[]> Read(Stream zip, ArchiveLimits limits)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Walk(zip, limits, (name, bytes) => files[name] = bytes);
        return files;
    }

    /// <summary>Decompresses every entry to nowhere, only to check <paramref name="limits"/> (an xlsx before it is parsed).</summary>
    public static void Check(Stream zip, ArchiveLimits limits) => Walk(zip, limits, null);

    private static void Walk(Stream zip, ArchiveLimits limits, Action<string, byte[]>? keep)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw new ArchiveTooLargeException($"the archive has {archive.Entries.Count} entries; at most {limits.MaxEntries} are read");
        }

        long total = 0;
        var buffer = new byte[81_920];
        foreach (var entry in archive.Entries)
        {
            if (string.IsNullOrEmpty(entry.Name))
            {
                continue; // a folder
            }

            using var stream = entry.Open();
            using var copy = keep is null ? null : new MemoryStream();
            long size = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                size += read;
                total += read;
                if (size > limits.MaxEntryBytes)
                {
                    throw new ArchiveTooLargeException($"entry '{Shorten(entry.FullName)}' decompresses to more than {limits.MaxEntryBytes:N0} bytes");
                }

                if (total > limits.MaxTotalBytes)
                {
                    throw new ArchiveTooLargeException($"the archive decompresses to more than {limits.MaxTotalBytes:N0} bytes in all");
                }

                copy?.Write(buffer, 0, read);
            }

            if (copy is not null)
            {
                keep!(entry.Name, copy.ToArray());
            }
        }
    }

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "…";
}
