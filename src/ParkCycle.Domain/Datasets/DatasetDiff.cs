using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// The differences between two datasets of a park in its enterprises, flows and own materials, by id. Rows are
/// compared as the dataset writer writes them (every column, numbers with the digits they were read with), so
/// two rows are the same exactly when exporting them gives the same CSV row; a number written 1.50 in one
/// version and 1.5 in the other is a change of how it is written, not of its value, and is not reported.
/// </summary>
/// <param name="Enterprises">The enterprises table (<c>enterprises.csv</c>) by enterprise id.</param>
/// <param name="Flows">The flows table (<c>flows.csv</c>) by flow id.</param>
/// <param name="Materials">The dataset's own materials (<c>materials.csv</c>, not the catalogue's) by material id.</param>
public sealed record DatasetDiff(TableDiff Enterprises, TableDiff Flows, TableDiff Materials)
{
    /// <summary>Whether nothing differs in the three tables.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Enterprises.IsEmpty && Flows.IsEmpty && Materials.IsEmpty;

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static DatasetDiff Between(ParkDataset before, ParkDataset after) => new(
        Table(before, after, DatasetSchema.Enterprises),
        Table(before, after, DatasetSchema.Flows),
        Table(before, after, DatasetSchema.Materials));

    private static TableDiff Table(ParkDataset before, ParkDataset after, TableSpec spec)
    {
        var old = Rows(before, spec);
        var current = Rows(after, spec);
        var added = current.Keys.Where(id => !old.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var removed = old.Keys.Where(id => !current.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var changed = current.Where(kv => old.TryGetValue(kv.Key, out var was) && !Same(was, kv.Value))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        return new TableDiff(added, removed, changed);
    }

    /// <summary>A table's rows by id (the first column); ids are unique in a valid dataset.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Rows(ParkDataset dataset, TableSpec spec)
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var row in DatasetWriter.RowsOf(dataset, spec))
        {
            rows[row[0]] = row;
        }

        return rows;
    }

    private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (!SameCell(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Numbers keep their written digits for exact round trips; for the diff, 1.50 and 1.5 are the same value.
    private static bool SameCell(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (decimal.TryParse(a, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && x == y);
}
