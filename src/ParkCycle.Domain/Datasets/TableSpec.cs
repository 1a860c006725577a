namespace ParkCycle.Domain.Datasets;

/// <summary>A table of the dataset format: its CSV file, its JSON array and its columns in canonical order.</summary>
public sealed record TableSpec(string Name, bool RequiredFile, IReadOnlyList<ColumnSpec> Columns)
{
    public string FileName => $"{Name}.csv";
}
