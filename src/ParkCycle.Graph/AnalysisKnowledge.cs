using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// The analysis knowledge that is data, not code: chain templates and indicator definitions, read from
/// <c>seeds/catalog/chains/*.csv</c> and <c>seeds/catalog/indicators/*.csv</c> (embedded in this library).
/// </summary>
public sealed record AnalysisKnowledge(IReadOnlyList<ChainStage> Stages, IReadOnlyList<IndicatorDefinition> Indicators)
{
    /// <summary>The energy-efficiency benchmarks (<c>indicators/benchmarks.csv</c>) the benchmark share is computed against. The default value is none.</summary>
    public IReadOnlyList<EnergyBenchmark> EnergyBenchmarks { get; init; } = [];

    private static readonly Lazy<AnalysisKnowledge> Embedded = new(LoadEmbedded);

    /// <summary>The knowledge shipped with ParkCycle.</summary>
    public static AnalysisKnowledge Default => Embedded.Value;

    /// <summary>Reads the knowledge from a catalogue folder (with <c>chains/</c> and <c>indicators/</c>), for revised standards.</summary>
    public static AnalysisKnowledge ReadFolder(string catalogFolder)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var sub in new[] { "chains", "indicators" })
        {
            var dir = Path.Combine(catalogFolder, sub);
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*.csv"))
                {
                    files[$"{sub}/{Path.GetFileName(file)}"] = File.ReadAllBytes(file);
                }
            }
        }

        return Parse(files);
    }

    private static AnalysisKnowledge LoadEmbedded()
    {
        var assembly = typeof(AnalysisKnowledge).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("chains/", StringComparison.Ordinal) || n.StartsWith("indicators/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name] = buffer.ToArray();
        }

        return Parse(files);
    }

    private static AnalysisKnowledge Parse(Dictionary<string, byte[]> files)
    {
        var problems = new List<DatasetError>();
        var stages = new List<ChainStage>();
        var indicators = new List<IndicatorDefinition>();
        var benchmarks = new List<EnergyBenchmark>();
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var table = CsvTableReader.Read(bytes, name, problems);
            if (table is null)
            {
                continue;
            }

            if (name.StartsWith("chains/", StringComparison.Ordinal))
            {
                var chainCode = Path.GetFileNameWithoutExtension(name);
                if (!Codes<Chain>.TryParse(chainCode, out var chain))
                {
                    problems.Add(new DatasetError(name, null, null, $"'{chainCode}' is not a chain ({string.Join(", ", Codes<Chain>.All)})"));
                    continue;
                }

                foreach (var row in table.Rows)
                {
                    stages.Add(new ChainStage(
                        chain,
                        Required(table, row, "stage", problems),
                        int.Parse(Required(table, row, "order", problems), CultureInfo.InvariantCulture),
                        Required(table, row, "name", problems),
                        table.Get(row, "name_en") ?? string.Empty,
                        table.Get(row, "sector"),
                        List(table.Get(row, "inputs")),
                        List(table.Get(row, "outputs")),
                        table.Get(row, "note"))
                    {
                        MinScale = table.Get(row, "min_scale") is { } scale ? decimal.Parse(scale, CultureInfo.InvariantCulture) : null,
                    });
                }
            }
            else if (name == BenchmarksFile)
            {
                foreach (var row in table.Rows)
                {
                    benchmarks.Add(new EnergyBenchmark(
                        Required(table, row, "id", problems),
                        Required(table, row, "sector", problems),
                        Required(table, row, "product", problems),
                        Required(table, row, "basis", problems),
                        Number(table, row, "basis_per_t", problems),
                        Number(table, row, "benchmark_kgce", problems),
                        Number(table, row, "baseline_kgce", problems),
                        Required(table, row, "source", problems)));
                }
            }
            else
            {
                foreach (var row in table.Rows)
                {
                    var target = table.Get(row, "target");
                    indicators.Add(new IndicatorDefinition(
                        Required(table, row, "id", problems),
                        Required(table, row, "name", problems),
                        table.Get(row, "name_en") ?? string.Empty,
                        Required(table, row, "formula", problems),
                        table.Get(row, "unit") ?? string.Empty,
                        target is null ? null : decimal.Parse(target, CultureInfo.InvariantCulture),
                        table.Get(row, "direction") ?? ">=",
                        table.Get(row, "source") ?? string.Empty)
                    {
                        Due = table.Get(row, "due") is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                        TargetBasis = table.Get(row, "target_basis") is { } basis ? Basis(table, row, basis, problems) : null,
                        BaseYear = table.Get(row, "base_year") is { } year ? int.Parse(year, CultureInfo.InvariantCulture) : null,
                        ReductionPct = table.Get(row, "reduction_pct") is { } pct ? decimal.Parse(pct, CultureInfo.InvariantCulture) : null,
                    });
                }
            }
        }

        if (problems.Any(p => p.Severity == Severity.Error))
        {
            throw new DatasetException(problems);
        }

        return new AnalysisKnowledge(stages, indicators) { EnergyBenchmarks = benchmarks };
    }

    private const string BenchmarksFile = "indicators/benchmarks.csv";

    private static KpiTargetBasis? Basis(Table table, TableRow row, string text, List<DatasetError> problems)
    {
        if (Codes<KpiTargetBasis>.TryParse(text, out var basis))
        {
            return basis;
        }

        problems.Add(table.ErrorAt(row, "target_basis", $"'{text}' is not a target basis ({string.Join(", ", Codes<KpiTargetBasis>.All)})"));
        return null;
    }

    private static decimal Number(Table table, TableRow row, string column, List<DatasetError> problems)
    {
        var text = Required(table, row, column, problems);
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        if (text.Length > 0)
        {
            problems.Add(table.ErrorAt(row, column, $"'{text}' is not a positive number"));
        }

        return 0m;
    }

    private static string Required(Table table, TableRow row, string column, List<DatasetError> problems)
    {
        var value = table.Get(row, column);
        if (value is null)
        {
            problems.Add(table.ErrorAt(row, column, "a value is required"));
        }

        return value ?? string.Empty;
    }

    private static string[] List(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
