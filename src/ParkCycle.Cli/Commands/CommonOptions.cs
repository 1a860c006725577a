using System.CommandLine;
using System.Text.Json;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Graph;

namespace ParkCycle.Cli.Commands;

/// <summary>Options and helpers that several commands share, so each is spelled one way.</summary>
internal static class CommonOptions
{
    public static Argument<string> DatasetArgument() =>
        new("dataset") { Description = "a dataset folder (dataset.json + CSV files) or a single JSON document" };

    public static Option<bool> Json() => new("--json") { Description = "print machine-readable JSON instead of text" };

    public static Option<string?> Catalog() =>
        new("--catalog") { Description = "a catalogue folder to use instead of the built-in seeds/catalog" };

    /// <summary>The JSON style of every command's output: snake_case fields, readable Chinese, indented.</summary>
    public static JsonSerializerOptions JsonOutput { get; } = new(AnalysisReport.JsonOptions)
    {
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOutput));

    /// <summary>Loads the catalogue named on the command line, or the built-in one.</summary>
    public static MaterialCatalog? LoadCatalog(string? folder)
    {
        if (folder is null)
        {
            return CatalogReader.Default;
        }

        var result = CatalogReader.ReadFolder(folder);
        foreach (var problem in result.Problems)
        {
            Console.Error.WriteLine(problem);
        }

        return result.Catalog;
    }

    /// <summary>Loads a dataset, printing every problem to stderr; null when it has errors.</summary>
    public static ParkDataset? LoadDataset(string path, string? catalogFolder)
    {
        var catalog = LoadCatalog(catalogFolder);
        if (catalog is null)
        {
            return null;
        }

        var result = DatasetReader.Read(path, catalog);
        foreach (var problem in result.Problems)
        {
            Console.Error.WriteLine(problem);
        }

        return result.Dataset;
    }
}
