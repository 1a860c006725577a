namespace ParkCycle.Domain.Datasets;

/// <summary>How a column's values are written in JSON (CSV always holds text).</summary>
public enum ColumnKind
{
    Text,
    Number,
    Boolean,

    /// <summary>A <c>;</c>-separated list in CSV, an array in JSON.</summary>
    List,
}
