using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// Reads the material catalogue (<c>materials.csv</c> and <c>substitutions.csv</c>). The repository's
/// <c>seeds/catalog</c> is embedded in this assembly, so every tool has it without a path.
/// </summary>
public static class CatalogReader
{
    private static readonly string[] CatalogFiles =
        [DatasetSchema.Materials.FileName, DatasetSchema.Substitutions.FileName, DatasetSchema.Prices.FileName, DatasetSchema.GateFees.FileName];

    private static readonly Lazy<MaterialCatalog> Embedded = new(() => LoadEmbedded().GetOrThrow());

    /// <summary>The catalogue shipped with ParkCycle (<c>seeds/catalog</c>).</summary>
    public static MaterialCatalog Default => Embedded.Value;

    /// <summary>Reads a catalogue folder holding <c>materials.csv</c> and optionally <c>substitutions.csv</c>.</summary>
    public static CatalogLoadResult ReadFolder(string folder)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in CatalogFiles)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                files[name] = File.ReadAllBytes(path);
            }
        }

        return Read(files, folder);
    }

    private static CatalogLoadResult LoadEmbedded()
    {
        var assembly = typeof(CatalogReader).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in CatalogFiles)
        {
            using var stream = assembly.GetManifestResourceStream($"catalog/{name}");
            if (stream is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name] = buffer.ToArray();
        }

        return Read(files, "embedded catalogue");
    }

    private static CatalogLoadResult Read(Dictionary<string, byte[]> files, string where)
    {
        var problems = new List<DatasetError>();
        if (!files.TryGetValue(DatasetSchema.Materials.FileName, out var materialBytes))
        {
            problems.Add(new DatasetError("catalog/materials.csv", null, null, $"missing file in {where}"));
            return new CatalogLoadResult(null, problems);
        }

        var parser = new DatasetParser(MaterialCatalog.Empty, problems);
        var materials = new List<Material>();
        var table = CsvTableReader.Read(materialBytes, "catalog/materials.csv", problems);
        if (table is not null)
        {
            var cells = new CellParser(table, problems);
            foreach (var row in table.Rows)
            {
                cells.BeginRow();
                // A catalogue material may be a kind of a class listed above it (catalog_id).
                if (parser.ParseMaterial(cells, row, id => materials.Find(m => m.Id == id)) is { } material)
                {
                    materials.Add(material);
                }
            }
        }

        var rules = new List<SubstitutionRule>();
        if (files.TryGetValue(DatasetSchema.Substitutions.FileName, out var ruleBytes))
        {
            var ruleTable = CsvTableReader.Read(ruleBytes, "catalog/substitutions.csv", problems);
            if (ruleTable is not null)
            {
                rules = parser.ParseSubstitutions(ruleTable, materials.ToDictionary(m => m.Id, StringComparer.Ordinal), []);
            }
        }

        var byId = materials.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var prices = files.TryGetValue(DatasetSchema.Prices.FileName, out var priceBytes)
            ? parser.ParsePrices(CsvTableReader.Read(priceBytes, "catalog/prices.csv", problems), byId)
            : [];
        var fees = files.TryGetValue(DatasetSchema.GateFees.FileName, out var feeBytes)
            ? parser.ParseGateFees(CsvTableReader.Read(feeBytes, "catalog/gate_fees.csv", problems), byId)
            : [];
        return problems.Any(p => p.Severity == Severity.Error)
            ? new CatalogLoadResult(null, problems)
            : new CatalogLoadResult(new MaterialCatalog(materials, rules) { Prices = prices, GateFees = fees }, problems);
    }

    /// <summary>The embedded catalogue's raw result, for diagnostics.</summary>
    public static CatalogLoadResult ReadEmbedded() => LoadEmbedded();
}
