namespace ParkCycle.Domain.Datasets;

/// <summary>
/// A column of a dataset table; <see cref="Required"/> columns must be in the header and hold a value.
/// <see cref="OmitWhenBlank"/> columns (later, optional additions) are written only when some row has a value.
/// </summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind = ColumnKind.Text, bool Required = false, bool OmitWhenBlank = false);
