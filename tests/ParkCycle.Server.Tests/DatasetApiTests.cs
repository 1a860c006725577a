using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace ParkCycle.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class DatasetApiTests(ServerFactory factory)
{
    private static ByteArrayContent Body(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    [Fact]
    public async Task Export_ThenImportUnderANewId_LoadsThePark_AndImportingItAgainMakesVersion2()
    {
        using var admin = await factory.AdminAsync();

        var exported = await admin.GetAsync("/api/parks/linxiang/dataset?format=json");
        Assert.Equal("application/json", exported.Content.Headers.ContentType!.MediaType);
        var document = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!;
        Assert.Equal(56, document["enterprises"]!.AsArray().Count);
        DatasetCopy.AsNewPark(document, "linxiang-copy");
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());

        var first = await admin.PostAsync("/api/datasets", Body(bytes, "application/json"));
        var second = await admin.PostAsync("/api/datasets", Body(bytes, "application/json"));

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var park = await admin.GetFromJsonAsync<JsonElement>("/api/parks/linxiang-copy/");
        Assert.Equal(56, park.GetProperty("enterprises").GetInt32());
    }

    [Fact]
    public async Task AnExportWithOpenReports_ReimportedAsTheNextVersion_KeepsThePark_Analysing()
    {
        using var admin = await factory.AdminAsync();
        var copy = DatasetCopy.AsNewPark(JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!, "linxiang-reexport");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/datasets", Body(Encoding.UTF8.GetBytes(copy.ToJsonString()), "application/json"))).StatusCode);
        using var offer = new HttpRequestMessage(HttpMethod.Post, "/api/enterprises/ut-chp.linxiang-reexport/offers")
        {
            Content = JsonContent.Create(new { material = "fly-ash", quantity = 2468, unit = "t", period = "year", available_from = factory.Date(0), available_to = factory.Date(365) }),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } },
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(offer)).StatusCode);

        // The export carries the open report as a flow (report:<id>); imported again while the report lives on, the
        // two must be one flow, or the analysis would fail on the duplicate id for everyone.
        var exported = await admin.GetStringAsync("/api/parks/linxiang-reexport/dataset?format=json");
        Assert.Contains("report:ut-chp.linxiang-reexport-r1", exported, StringComparison.Ordinal);
        var next = await admin.PostAsync("/api/datasets", Body(Encoding.UTF8.GetBytes(exported), "application/json"));
        var analysis = await admin.GetAsync("/api/parks/linxiang-reexport/analysis");

        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, analysis.StatusCode);
        var json = await analysis.Content.ReadAsStringAsync();
        Assert.Single(JsonNode.Parse(json)!["opportunities"]!.AsArray().Where(o => o!["offer_id"]?.GetValue<string>() == "report:ut-chp.linxiang-reexport-r1").Select(o => o!["consumer"]!.GetValue<string>()).Distinct().Take(1));
    }

    [Fact]
    public async Task AVersionWhileAnotherImportOfTheParkHoldsItsLease_Is429_AndStoresNothing()
    {
        using var admin = await factory.AdminAsync();
        var copy = DatasetCopy.AsNewPark(JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!, "linxiang-lease");
        var bytes = Encoding.UTF8.GetBytes(copy.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/datasets", Body(bytes, "application/json"))).StatusCode);
        // Another server's import of the same park, as the park grain sees it.
        var park = factory.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<ParkCycle.Grains.Abstractions.IParkGrain>("linxiang-lease");
        Assert.True(await park.TryLeaseImportAsync("elsewhere"));

        var busy = await admin.PostAsync("/api/datasets", Body(bytes, "application/json"));
        var versionsWhileBusy = (await admin.GetFromJsonAsync<JsonElement>("/api/parks/linxiang-lease/versions")).GetArrayLength();
        await park.ReleaseImportAsync("elsewhere");
        var after = await admin.PostAsync("/api/datasets", Body(bytes, "application/json"));

        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Equal("10", busy.Headers.RetryAfter!.ToString());
        Assert.Equal(1, versionsWhileBusy);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(2, (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ExportZip_HoldsTheCsvFolder()
    {
        using var admin = await factory.AdminAsync();

        var bytes = await admin.GetByteArrayAsync("/api/parks/linxiang/dataset?format=zip");

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Contains(zip.Entries, e => e.Name == "flows.csv");
        Assert.Contains(zip.Entries, e => e.Name == "dataset.json");
    }

    [Fact]
    public async Task ExcelWorkbook_RoundTrips_ExportThenImportUnderANewId()
    {
        using var admin = await factory.AdminAsync();
        var json = JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!;
        DatasetCopy.AsNewPark(json, "linxiang-xlsx");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/datasets", Body(Encoding.UTF8.GetBytes(json.ToJsonString()), "application/json"))).StatusCode);

        var xlsx = await admin.GetAsync("/api/parks/linxiang-xlsx/dataset?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var files = Domain.Excel.ExcelDataset.ToFiles(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var reread = Domain.Datasets.DatasetReader.ReadFiles(files, Domain.Datasets.CatalogReader.Default);

        Assert.Empty(reread.Errors);
        Assert.Equal(56, reread.Dataset!.Enterprises.Count);
        Assert.Equal("linxiang-xlsx", reread.Dataset.Manifest.Id);
        Assert.Equal(json["flows"]!.AsArray().Count, reread.Dataset.Flows.Count);
    }

    [Fact]
    public async Task BrokenWorkbook_IsRefusedByField()
    {
        using var admin = await factory.AdminAsync();

        var response = await admin.PostAsync("/api/datasets", Body([80, 75, 3, 4, 1, 2], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task BrokenUpload_ListsEveryProblem_AndStoresNothing()
    {
        using var admin = await factory.AdminAsync();
        var document = JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!;
        document["id"] = "broken-park";
        document["flows"]![0]!["quantity"] = -5;
        document["enterprises"]![0]!["zone"] = "nowhere";

        var response = await admin.PostAsync("/api/datasets", Body(Encoding.UTF8.GetBytes(document.ToJsonString()), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("column").GetString() + ": " + p.GetProperty("reason").GetString()).ToList();
        Assert.Contains("flows[0].quantity: -5 is negative; it must be zero or more", problems);
        Assert.Contains("enterprises[0].zone: unknown zone 'nowhere' (not in zones.csv)", problems);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/parks/broken-park/")).StatusCode); // never loaded (#10 §8)
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync("/api/datasets", Body([1, 2, 3], "text/plain"))).StatusCode);
    }

    [Fact]
    public async Task OnlyAdministratorsImportOrExport()
    {
        using var investment = await factory.UserAsync("invest-ds", "investment");

        Assert.Equal(HttpStatusCode.Forbidden, (await investment.GetAsync("/api/parks/linxiang/dataset")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsync("/api/datasets", Body([], "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Scenario_ReportsWhatChangesWhenRiversidePlantsLeave()
    {
        using var investment = await factory.UserAsync("invest-sc", "investment");

        var scenario = await investment.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/scenario?remove=bj-chem-1,bj-chem-2");
        var unknown = await investment.GetAsync("/api/parks/linxiang/scenario?remove=nope");

        Assert.Equal(["bj-chem-1", "bj-chem-2"], scenario.GetProperty("removed").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.True(scenario.GetProperty("opportunities_after").GetInt32() <= scenario.GetProperty("opportunities_before").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unknown enterprise(s): nope", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("remove")[0].GetString());
    }
}
