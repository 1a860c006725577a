namespace ParkCycle.Domain.Datasets;

/// <summary>
/// A table read from a CSV file or a JSON array, before it is given meaning: column names and rows of
/// trimmed strings. Both formats go through the same parser, so they validate identically.
/// </summary>
public sealed class Table
{
    private readonly Dictionary<string, int> _columns;

    /// <summary>A table of <paramref name="rows"/> under <paramref name="header"/>, read from <paramref name="file"/>; <paramref name="jsonArrayName"/> when it came from a JSON document.</summary>
    public Table(string file, IReadOnlyList<string> header, IReadOnlyList<TableRow> rows, string? jsonArrayName = null)
    {
        File = file;
        Header = header;
        Rows = rows;
        JsonArrayName = jsonArrayName;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    /// <summary>The file name errors are reported against.</summary>
    public string File { get; }

    /// <summary>The column names as read, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, header excluded.</summary>
    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Set when the table came from an array of a JSON document; locations are then JSON paths.</summary>
    public string? JsonArrayName { get; }

    /// <summary>True when the header has the column (names matched case-insensitively).</summary>
    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>The trimmed value of a column in a row; null when the column is absent or the cell is blank.</summary>
    public string? Get(TableRow row, string column)
    {
        if (!_columns.TryGetValue(column, out var index) || index >= row.Values.Count)
        {
            return null;
        }

        var value = row.Values[index];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>An error located at a row's cell, as a CSV line or a JSON path.</summary>
    public DatasetError ErrorAt(TableRow row, string column, string reason, Severity severity = Severity.Error) =>
        JsonArrayName is null
            ? new DatasetError(File, row.Line, column, reason, severity)
            : new DatasetError(File, null, $"{JsonArrayName}[{row.Line}].{column}", reason, severity);

    /// <summary>An error about the table as a whole (e.g. a missing column).</summary>
    public DatasetError ErrorInHeader(string? column, string reason) =>
        JsonArrayName is null
            ? new DatasetError(File, 1, column, reason)
            : new DatasetError(File, null, column is null ? JsonArrayName : $"{JsonArrayName}[].{column}", reason);
}
