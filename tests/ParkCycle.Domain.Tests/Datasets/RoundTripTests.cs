using System.Text;
using System.Text.Json.Nodes;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

public class RoundTripTests
{
    [Fact]
    public void CsvToModelToCsv_IsByteIdentical()
    {
        using var builder = new DatasetFolderBuilder();
        var folder = builder.Build();

        var files = DatasetWriter.ToFiles(DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow());

        foreach (var name in Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileName))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, name!)), Encoding.UTF8.GetString(files[name!]));
        }
    }

    [Fact]
    public void CsvToJsonToCsv_IsByteIdentical()
    {
        using var builder = new DatasetFolderBuilder();
        var folder = builder.Build();
        var viaCsv = DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();

        var json = DatasetWriter.ToJson(viaCsv);
        var viaJson = DatasetReader.ReadJsonDocument(json, "park.json", CatalogReader.Default).GetOrThrow();

        var before = DatasetWriter.ToFiles(viaCsv);
        var after = DatasetWriter.ToFiles(viaJson);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before)
        {
            Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(after[name]));
        }
    }

    [Fact]
    public void Json_KeepsNumbersAsWrittenAndListsAsArrays()
    {
        using var builder = new DatasetFolderBuilder();
        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        var json = JsonNode.Parse(DatasetWriter.ToJson(dataset))!;

        Assert.Equal("1.50", json["flows"]![1]!["quantity"]!.ToJsonString());
        Assert.Null(json["flows"]![2]!["quantity"]);
        Assert.Equal("""["building-materials","other"]""", json["enterprises"]![1]!["chains"]!.ToJsonString());
        Assert.True(json["enterprises"]![0]!["above_size"]!.GetValue<bool>());
    }

    [Fact]
    public void QuotedValues_WithCommasQuotesAndNewlines_SurviveTheRoundTrip()
    {
        using var builder = new DatasetFolderBuilder();
        builder.ReplaceLine("flows.csv", 4, "f3,e1,ext:atmosphere,m-heat,,GJ,planned,\"line one, with comma\nline \"\"two\"\"\"");
        var folder = builder.Build();

        var dataset = DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();

        Assert.Equal("line one, with comma\nline \"two\"", dataset.Flows[2].Source);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "flows.csv")), Encoding.UTF8.GetString(DatasetWriter.ToFiles(dataset)["flows.csv"]));
    }

    [Fact]
    public void LinxiangSeed_ValidatesWithoutProblems()
    {
        var result = DatasetReader.Read(RepositoryPaths.Seed("linxiang"), CatalogReader.Default);

        Assert.Empty(result.Problems);
        Assert.True(result.Dataset!.Enterprises.Count >= 40);
        Assert.True(result.Dataset.Flows.Count >= 150);
        Assert.All(result.Dataset.Flows, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
    }

    [Fact]
    public void LinxiangSeed_RoundTripsThroughJsonExactly()
    {
        var folder = RepositoryPaths.Seed("linxiang");
        var dataset = DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();

        var again = DatasetReader.ReadJsonDocument(DatasetWriter.ToJson(dataset), "linxiang.json", CatalogReader.Default).GetOrThrow();

        foreach (var (name, bytes) in DatasetWriter.ToFiles(again))
        {
            if (name.EndsWith(".csv", StringComparison.Ordinal))
            {
                Assert.Equal(File.ReadAllText(Path.Combine(folder, name)), Encoding.UTF8.GetString(bytes));
            }
        }
    }

    [Fact]
    public void Catalogue_IsEmbeddedAndValid()
    {
        var result = CatalogReader.ReadEmbedded();

        Assert.Empty(result.Problems);
        Assert.True(result.Catalog!.Materials.Count >= 80);
        Assert.True(result.Catalog.Substitutions.Count >= 80);
        Assert.All(result.Catalog.Substitutions, r => Assert.False(string.IsNullOrWhiteSpace(r.Reference)));
    }

    [Fact]
    public void CatalogueOnDisk_MatchesTheEmbeddedOne()
    {
        var onDisk = CatalogReader.ReadFolder(Path.Combine(RepositoryPaths.Root, "seeds", "catalog")).GetOrThrow();

        Assert.Equal(CatalogReader.Default.Materials, onDisk.Materials);
        Assert.Equal(CatalogReader.Default.Substitutions, onDisk.Substitutions);
    }
}
