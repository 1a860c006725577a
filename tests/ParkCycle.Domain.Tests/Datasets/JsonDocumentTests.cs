using System.Text;
using System.Text.Json.Nodes;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>The single-JSON-document form validates exactly like the CSV folder, with JSON paths as locations.</summary>
public class JsonDocumentTests
{
    private static JsonNode ValidDocument()
    {
        using var builder = new DatasetFolderBuilder();
        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();
        return JsonNode.Parse(DatasetWriter.ToJson(dataset))!;
    }

    private static string[] ErrorsOf(JsonNode document)
    {
        var result = DatasetReader.ReadJsonDocument(Encoding.UTF8.GetBytes(document.ToJsonString()), "park.json", CatalogReader.Default);
        Assert.Null(result.Dataset);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    [Fact]
    public void NegativeQuantity_IsReportedAtItsJsonPath()
    {
        var doc = ValidDocument();
        doc["flows"]![0]!["quantity"] = -5;

        Assert.Equal(["park.json: flows[0].quantity: -5 is negative; it must be zero or more"], ErrorsOf(doc));
    }

    [Fact]
    public void UnknownEnterprise_IsReportedAtItsJsonPath()
    {
        var doc = ValidDocument();
        doc["flows"]![1]!["to"] = "e9";

        Assert.Equal(["park.json: flows[1].to: unknown enterprise 'e9' (not in enterprises.csv)"], ErrorsOf(doc));
    }

    [Fact]
    public void HeatInTonnes_IsReportedAtItsJsonPath()
    {
        var doc = ValidDocument();
        doc["flows"]![2]!["quantity"] = 3;
        doc["flows"]![2]!["unit"] = "t";

        Assert.Equal(["park.json: flows[2].unit: 't' needs lhv_gj_per_m3 and density_t_per_m3 for material 'm-heat'"], ErrorsOf(doc));
    }

    [Fact]
    public void MissingArray_IsNamed()
    {
        var doc = ValidDocument();
        doc.AsObject().Remove("flows");

        Assert.Equal(["park.json: flows: missing array 'flows'"], ErrorsOf(doc));
    }

    [Fact]
    public void MissingRequiredField_IsReportedOnTheObject()
    {
        var doc = ValidDocument();
        doc["enterprises"]![2]!.AsObject().Remove("name");

        Assert.Equal(["park.json: enterprises[2].name: a value is required"], ErrorsOf(doc));
    }

    [Fact]
    public void ObjectWhereAValueBelongs_IsRefused()
    {
        var doc = ValidDocument();
        doc["enterprises"]![2]!["sector"] = new JsonObject { ["code"] = "2614" };

        Assert.Equal(["park.json: enterprises[2].sector: must be a string, number, boolean, null or (for lists) an array of strings"], ErrorsOf(doc));
    }

    [Fact]
    public void NotJson_IsRefusedWithItsLine()
    {
        var result = DatasetReader.ReadJsonDocument(Encoding.UTF8.GetBytes("{\n\"id\": \"x\",\n]"), "park.json", CatalogReader.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("park.json", 3), (error.File, error.Line));
        Assert.Null(result.Dataset);
    }
}
