using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParkCycle.Server.Tests;

/// <summary>What the dashboard reads besides the analysis: parks, materials, flows, and the Excel export.</summary>
[Collection(ServerCollection.Name)]
public sealed class DashboardApiTests(ServerFactory factory)
{
    [Fact]
    public async Task Parks_ListsTheSeedParkFromTheStore_AndAnEnterpriseSeesOnlyItsOwnPark()
    {
        using var admin = await factory.AdminAsync();
        var parks = (await admin.GetFromJsonAsync<JsonArray>("/api/parks"))!;
        Assert.Contains(parks, p => p!["id"]!.GetValue<string>() == "linxiang" && p["name"]!.GetValue<string>().StartsWith("临湘高新区", StringComparison.Ordinal));

        using var enterprise = await factory.UserAsync("dash-park-user", "enterprise", "ut-chp");
        // The enterprise's own park, as its profile names it.
        var park = (await enterprise.GetFromJsonAsync<JsonObject>("/api/enterprises/ut-chp/"))!["park_id"]!.GetValue<string>();
        var own = (await enterprise.GetFromJsonAsync<JsonArray>("/api/parks"))!;
        Assert.Equal([park], own.Select(p => p!["id"]!.GetValue<string>()));
        Assert.True(parks.Count >= own.Count);
    }

    [Fact]
    public async Task Materials_NameCategoryAndEveryUnitTheMaterialCanBeReportedIn_WithTheAliasesTheApiAccepts()
    {
        using var enterprise = await factory.UserAsync("dash-materials-user", "enterprise", "ut-chp");
        var park = (await enterprise.GetFromJsonAsync<JsonObject>("/api/enterprises/ut-chp/"))!["park_id"]!.GetValue<string>();
        var materials = (await enterprise.GetFromJsonAsync<JsonArray>($"/api/parks/{park}/materials"))!;
        var flyAsh = materials.Single(m => m!["id"]!.GetValue<string>() == "fly-ash")!;
        Assert.Equal("粉煤灰", flyAsh["name"]!.GetValue<string>());
        Assert.Equal("solid-waste", flyAsh["category"]!.GetValue<string>());
        var units = flyAsh["units"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Equal("t", units[0]);
        Assert.Contains("kg", units);
        Assert.Contains("吨", flyAsh["unit_aliases"]!["t"]!.AsArray().Select(a => a!.GetValue<string>()));
        // The park's own materials are listed with the catalogue's.
        Assert.Contains(materials, m => m!["park_defined"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync("/api/parks/no-such-park/materials")).StatusCode);
        // Another park's materials are not this enterprise's to read.
        if (park != "linxiang")
        {
            Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync("/api/parks/linxiang/materials")).StatusCode);
        }
    }

    [Fact]
    public async Task Flows_ForTheParksStaffOnly_EveryDeclaredFlowWithItsKindAndZones()
    {
        using var enterprise = await factory.UserAsync("dash-flows-user", "enterprise", "ut-chp");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/parks/linxiang/flows")).StatusCode);

        using var admin = await factory.AdminAsync();
        var body = (await admin.GetFromJsonAsync<JsonObject>("/api/parks/linxiang/flows"))!;
        Assert.Equal(7, body["zones"]!.AsArray().Count);
        var flows = body["flows"]!.AsArray();
        Assert.True(flows.Count >= 326, $"{flows.Count} flows");
        // f307: 30,000 t of bamboo bought in by ag-bamboo (seeds/linxiang/flows.csv).
        var f307 = flows.Single(f => f!["id"]!.GetValue<string>() == "f307")!;
        Assert.Equal("ext:import", f307["from"]!.GetValue<string>());
        Assert.Equal("ag-bamboo", f307["to"]!.GetValue<string>());
        Assert.Equal("mass", f307["dimension"]!.GetValue<string>());
        Assert.Equal(30000m, f307["base_quantity"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task ExportXlsx_KeepsNumbersAsNumbers_AndNeverWritesAFormula()
    {
        using var admin = await factory.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/export/xlsx", new { name = "plan", columns = new[] { "供方", "数量" }, rows = new object[] { new object[] { "=HYPERLINK(\"x\")", 5000 } } });
        response.EnsureSuccessStatusCode();
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(["供方", "数量"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal("'=HYPERLINK(\"x\")", cells[0].InnerText);
        Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
        Assert.Equal("5000", cells[1].CellValue!.Text);

        var tooMany = await admin.PostAsJsonAsync("/api/export/xlsx", new { columns = new[] { "a" }, rows = Enumerable.Range(0, 20_001).Select(i => new[] { i }) });
        // Refused either by the export's own row bound (400) or, first, by the request-body limit (413).
        Assert.Contains(tooMany.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
    }
}
