using System.Text.Json;
using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// Reads a park dataset in format v1: a folder (<c>dataset.json</c> + CSV tables) or a single JSON
/// document holding the manifest and every table as arrays. Both paths share one parser.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads a dataset folder, or a <c>.json</c> file as a single JSON document.</summary>
    public static DatasetLoadResult Read(string path, MaterialCatalog catalog, DatasetReadOptions? options = null)
    {
        options ??= new DatasetReadOptions();
        if (Directory.Exists(path))
        {
            return ReadFolder(path, catalog, options);
        }

        if (File.Exists(path))
        {
            var label = Path.GetFileName(path);
            var info = new FileInfo(path);
            if (info.Length > options.MaxFileBytes)
            {
                return DatasetLoadResult.Failed([new DatasetError(label, null, null, $"file is {info.Length:N0} bytes, over the limit of {options.MaxFileBytes:N0} bytes")]);
            }

            return ReadJsonDocument(File.ReadAllBytes(path), label, catalog, options);
        }

        return DatasetLoadResult.Failed([new DatasetError(path, null, null, "no such dataset folder or JSON file")]);
    }

    /// <summary>Reads a dataset folder of CSV files.</summary>
    public static DatasetLoadResult ReadFolder(string folder, MaterialCatalog catalog, DatasetReadOptions? options = null)
    {
        options ??= new DatasetReadOptions();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var problems = new List<DatasetError>();
        foreach (var name in DatasetSchema.Tables.Select(t => t.FileName).Append(DatasetSchema.ManifestFile))
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }

            var length = new FileInfo(path).Length;
            if (length > options.MaxFileBytes)
            {
                problems.Add(new DatasetError(name, null, null, $"file is {length:N0} bytes, over the limit of {options.MaxFileBytes:N0} bytes"));
                continue;
            }

            files[name] = File.ReadAllBytes(path);
        }

        return ReadFiles(files, catalog, options, problems);
    }

    /// <summary>
    /// Reads a dataset from its files' bytes by file name (<c>dataset.json</c>, <c>flows.csv</c>, …), as an
    /// upload or a zip provides them.
    /// </summary>
    public static DatasetLoadResult ReadFiles(IReadOnlyDictionary<string, byte[]> files, MaterialCatalog catalog, DatasetReadOptions? options = null, IEnumerable<DatasetError>? earlierProblems = null)
    {
        options ??= new DatasetReadOptions();
        var problems = new List<DatasetError>(earlierProblems ?? []);
        DatasetManifest? manifest = null;
        if (files.TryGetValue(DatasetSchema.ManifestFile, out var manifestBytes))
        {
            manifest = ReadManifest(manifestBytes, DatasetSchema.ManifestFile, problems);
        }
        else if (!problems.Any(p => p.File == DatasetSchema.ManifestFile))
        {
            problems.Add(new DatasetError(DatasetSchema.ManifestFile, null, null, "missing file: a dataset needs its manifest"));
        }

        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var spec in DatasetSchema.Tables)
        {
            if (!files.TryGetValue(spec.FileName, out var bytes))
            {
                if (spec.RequiredFile && !problems.Any(p => p.File == spec.FileName))
                {
                    problems.Add(new DatasetError(spec.FileName, null, null, "missing file"));
                }

                continue;
            }

            var table = CsvTableReader.Read(bytes, spec.FileName, problems, options.MaxFileBytes);
            if (table is not null)
            {
                tables[spec.Name] = table;
            }
        }

        return new DatasetParser(catalog, context: options?.Context).Parse(manifest, tables, problems);
    }

    /// <summary>Reads a single JSON document holding the manifest fields and the tables as arrays.</summary>
    public static DatasetLoadResult ReadJsonDocument(byte[] json, string label, MaterialCatalog catalog, DatasetReadOptions? options = null)
    {
        var problems = new List<DatasetError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            return DatasetLoadResult.Failed([new DatasetError(label, line, null, $"not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DatasetLoadResult.Failed([new DatasetError(label, null, null, "the document must be a JSON object")]);
            }

            var manifest = ManifestFrom(document.RootElement, label, problems);
            var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
            foreach (var spec in DatasetSchema.Tables)
            {
                if (!document.RootElement.TryGetProperty(spec.Name, out var array))
                {
                    if (spec.RequiredFile)
                    {
                        problems.Add(new DatasetError(label, null, spec.Name, $"missing array '{spec.Name}'"));
                    }

                    continue;
                }

                var table = TableFromJson(array, spec, label, problems);
                if (table is not null)
                {
                    tables[spec.Name] = table;
                }
            }

            return new DatasetParser(catalog, context: options?.Context).Parse(manifest, tables, problems);
        }
    }

    private static Table? TableFromJson(JsonElement array, TableSpec spec, string label, List<DatasetError> problems)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new DatasetError(label, null, spec.Name, "must be an array of objects"));
            return null;
        }

        // The header is the union of the objects' fields, spec columns first, so rows line up as in CSV.
        var header = spec.Columns.Select(c => c.Name).ToList();
        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.OrdinalIgnoreCase);
        var rows = new List<TableRow>();
        var ok = true;
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var values = Enumerable.Repeat(string.Empty, header.Count).ToArray();
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new DatasetError(label, null, $"{spec.Name}[{i}]", "must be an object"));
                ok = false;
                i++;
                continue;
            }

            foreach (var property in item.EnumerateObject())
            {
                if (!index.TryGetValue(property.Name, out var column))
                {
                    continue; // unknown extra fields are ignored, as unknown CSV columns are
                }

                var text = CellText(property.Value);
                if (text is null)
                {
                    // The error alone fails the load; the row still parses so its other problems are reported too.
                    problems.Add(new DatasetError(label, null, $"{spec.Name}[{i}].{property.Name}", "must be a string, number, boolean, null or (for lists) an array of strings"));
                    continue;
                }

                values[column] = text;
            }

            // A required field absent from an object reads as blank, and the parser reports it on that object.
            rows.Add(new TableRow(i, values));
            i++;
        }

        return ok ? new Table(label, header, rows, spec.Name) : null;
    }

    private static string? CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            string.Join(';', value.EnumerateArray().Select(v => v.GetString())),
        _ => null,
    };

    private static DatasetManifest? ReadManifest(byte[] bytes, string label, List<DatasetError> problems)
    {
        if (bytes.Length == 0)
        {
            problems.Add(new DatasetError(label, null, null, "file is empty"));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new DatasetError(label, null, null, "the manifest must be a JSON object"));
                return null;
            }

            return ManifestFrom(document.RootElement, label, problems);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            problems.Add(new DatasetError(label, line, null, $"not valid JSON: {ex.Message}"));
            return null;
        }
    }

    private static DatasetManifest? ManifestFrom(JsonElement root, string label, List<DatasetError> problems)
    {
        string? Text(string field)
        {
            if (!root.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                problems.Add(new DatasetError(label, null, field, "must be a string"));
                return null;
            }

            return string.IsNullOrWhiteSpace(v.GetString()) ? null : v.GetString()!.Trim();
        }

        var before = problems.Count;
        var id = Text("id");
        var name = Text("name");
        if (id is null)
        {
            problems.Add(new DatasetError(label, null, "id", "a value is required"));
        }

        if (name is null)
        {
            problems.Add(new DatasetError(label, null, "name", "a value is required"));
        }

        int? year = null;
        if (root.TryGetProperty("reference_year", out var y) && y.ValueKind != JsonValueKind.Null)
        {
            if (y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var yy) && yy is >= 1900 and <= 2200)
            {
                year = yy;
            }
            else
            {
                problems.Add(new DatasetError(label, null, "reference_year", $"'{y.GetRawText()}' is not a year between 1900 and 2200"));
            }
        }

        var description = Text("description");
        var provenance = Text("provenance");
        return problems.Count > before ? null : new DatasetManifest(id!, name!, year, description, provenance);
    }
}
