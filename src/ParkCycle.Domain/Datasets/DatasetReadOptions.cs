namespace ParkCycle.Domain.Datasets;

/// <summary>Options for reading datasets.</summary>
public sealed record DatasetReadOptions
{
    /// <summary>The size limit for one file. The default value is 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = CsvTableReader.DefaultMaxFileBytes;

    /// <summary>
    /// A park whose zones, enterprises and materials this dataset may refer to without defining them: used
    /// when a small dataset of recruited enterprises is added to a park. The default value is none.
    /// </summary>
    public Model.ParkDataset? Context { get; init; }
}
