namespace ParkCycle.Domain.Datasets;

/// <summary>A table of the dataset format: its CSV file, its JSON array and its columns in canonical order.</summary>
public sealed record TableSpec(string Name, bool RequiredFile, IReadOnlyList<ColumnSpec> Columns)
{
    /// <summary>The table's CSV file name in a dataset directory, e.g. <c>flows.csv</c>.</summary>
    public string FileName => $"{Name}.csv";
}
