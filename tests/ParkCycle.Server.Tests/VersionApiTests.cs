using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkCycle.Server.Tests;

/// <summary>
/// Dataset versions through the API on a copy of Linxiang: a revision made by hand (one enterprise gone, one flow
/// revised, one added, one material renamed and one new), so the expected diff is known without running the program.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class VersionApiTests(ServerFactory factory)
{
    private static ByteArrayContent Body(JsonNode document)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(document.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string[] Ids(JsonElement table, string list) => [.. table.GetProperty(list).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>Linxiang as a new park <paramref name="parkId"/>.</summary>
    internal static async Task<JsonNode> CopyAsync(HttpClient admin, string parkId) =>
        DatasetCopy.AsNewPark(JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!, parkId);

    /// <summary>
    /// The revision: reference year 2024; fl-float-4 closes (its seven flows f229–f235, and its projects if any, go with it);
    /// f001's coal drops from 330,000 to 320,000 t; f900 sends 100 t of float offcuts from fl-float-1 to the brick works;
    /// live-pigs gets a new English name; a material bamboo-vinegar is added.
    /// </summary>
    internal static JsonNode Revise(JsonNode document, string parkId)
    {
        var revised = document.DeepClone();
        var gone = $"fl-float-4.{parkId}";
        revised["reference_year"] = 2024;
        Remove(revised["enterprises"]!, e => e["id"]!.GetValue<string>() == gone);
        Remove(revised["flows"]!, f => f["from"]!.GetValue<string>() == gone || f["to"]!.GetValue<string>() == gone);
        // The live park's export carries no projects (they live in their own grains); a seed's would.
        var projects = (revised["projects"]?.AsArray() ?? []).Where(p => p!["enterprise"]!.GetValue<string>() == gone).Select(p => p!["id"]!.GetValue<string>()).ToHashSet();
        Remove(revised["projects"], p => projects.Contains(p["id"]!.GetValue<string>()));
        Remove(revised["progress"], p => projects.Contains(p["project"]!.GetValue<string>()));
        revised["flows"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "f001")!["quantity"] = 320000;
        revised["flows"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "f900", ["from"] = $"fl-float-1.{parkId}", ["to"] = $"bm-brick.{parkId}", ["material"] = "float-offcuts", ["quantity"] = 100,
            ["unit"] = "t", ["status"] = "existing", ["source"] = "estimate: test revision",
        });
        revised["materials"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "live-pigs")!["name_en"] = "pigs, live weight";
        revised["materials"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "bamboo-vinegar", ["name"] = "竹醋液", ["name_en"] = "bamboo vinegar", ["category"] = "product", ["unit"] = "t",
        });
        return revised;
    }

    private static void Remove(JsonNode? array, Func<JsonNode, bool> match)
    {
        if (array is null)
        {
            return;
        }

        var rows = array.AsArray();
        foreach (var row in rows.Where(r => match(r!)).ToList())
        {
            rows.Remove(row);
        }
    }

    [Fact]
    public async Task DryRun_AnswersTheExactDiff_AndStoresNothing_ThenTheImportIsVersion2()
    {
        const string park = "ver-park";
        using var admin = await factory.AdminAsync();
        var v1 = await CopyAsync(admin, park);
        var v1Flows = v1["flows"]!.AsArray().Count;
        var created = await admin.PostAsync("/api/datasets", Body(v1));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var first = await Json(created);
        Assert.Equal((park, 1, 56, v1Flows), (first.GetProperty("park").GetString(), first.GetProperty("version").GetInt32(), first.GetProperty("enterprises").GetInt32(), first.GetProperty("flows").GetInt32()));
        // A report of the enterprise the revision removes: it must survive the version.
        var offer = new HttpRequestMessage(HttpMethod.Post, $"/api/enterprises/fl-float-4.{park}/offers")
        {
            Content = JsonContent.Create(new { material = "float-offcuts", quantity = 50, unit = "t", period = "year", available_from = factory.Date(0), available_to = factory.Date(90) }),
            Headers = { { "Idempotency-Key", "ver-park-offer-1" } },
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(offer)).StatusCode);
        // And one of an enterprise the revision keeps: it must stay in the live park.
        var kept = new HttpRequestMessage(HttpMethod.Post, $"/api/enterprises/ut-chp.{park}/offers")
        {
            Content = JsonContent.Create(new { material = "fly-ash", quantity = 700, unit = "t", period = "year", available_from = factory.Date(0), available_to = factory.Date(90) }),
            Headers = { { "Idempotency-Key", "ver-park-offer-2" } },
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(kept)).StatusCode);
        var v2 = Revise(v1, park);

        var dry = await admin.PostAsync("/api/datasets?dry_run=true", Body(v2));

        Assert.True(dry.StatusCode == HttpStatusCode.OK, await dry.Content.ReadAsStringAsync());
        var answer = await Json(dry);
        Assert.Equal(park, answer.GetProperty("park").GetString());
        Assert.Equal(2, answer.GetProperty("version").GetInt32());
        var diff = answer.GetProperty("diff");
        Assert.Equal([], Ids(diff.GetProperty("enterprises"), "added"));
        Assert.Equal([$"fl-float-4.{park}"], Ids(diff.GetProperty("enterprises"), "removed"));
        Assert.Equal([], Ids(diff.GetProperty("enterprises"), "changed"));
        Assert.Equal(["f900"], Ids(diff.GetProperty("flows"), "added"));
        Assert.Equal(["f229", "f230", "f231", "f232", "f233", "f234", "f235"], Ids(diff.GetProperty("flows"), "removed"));
        Assert.Equal(["f001"], Ids(diff.GetProperty("flows"), "changed"));
        Assert.Equal(["bamboo-vinegar"], Ids(diff.GetProperty("materials"), "added"));
        Assert.Equal([], Ids(diff.GetProperty("materials"), "removed"));
        Assert.Equal(["live-pigs"], Ids(diff.GetProperty("materials"), "changed"));
        var kpis = answer.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);
        Assert.Contains("solid-waste-utilisation", kpis.Keys);
        // Nothing stored: still one version, and the park still has the enterprise.
        Assert.Single((await Json(await admin.GetAsync($"/api/parks/{park}/versions"))).EnumerateArray());
        Assert.Equal(56, (await Json(await admin.GetAsync($"/api/parks/{park}/"))).GetProperty("enterprises").GetInt32());

        factory.Clock.Advance(TimeSpan.Zero); // the host's now, unchanged: imported_at is read from its clock
        var imported = await admin.PostAsync("/api/datasets", Body(v2));

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var second = await Json(imported);
        Assert.Equal((park, 2, 55, v1Flows - 7 + 1), (second.GetProperty("park").GetString(), second.GetProperty("version").GetInt32(), second.GetProperty("enterprises").GetInt32(), second.GetProperty("flows").GetInt32()));
        var versions = (await Json(await admin.GetAsync($"/api/parks/{park}/versions"))).EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([2023, 2024], versions.Select(v => v.GetProperty("reference_year").GetInt32()));
        Assert.Equal([56, 55], versions.Select(v => v.GetProperty("enterprises").GetInt32()));
        Assert.Equal([v1Flows, v1Flows - 6], versions.Select(v => v.GetProperty("flows").GetInt32()));
        Assert.All(versions, v => Assert.Equal(factory.Clock.GetUtcNow(), v.GetProperty("imported_at").GetDateTimeOffset()));

        // The live park follows version 2; the removed enterprise's history stays readable by administrators.
        Assert.Equal(55, (await Json(await admin.GetAsync($"/api/parks/{park}/"))).GetProperty("enterprises").GetInt32());
        Assert.DoesNotContain($"fl-float-4.{park}", (await Json(await admin.GetAsync($"/api/parks/{park}/enterprises?page_size=500"))).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        var live = JsonNode.Parse(await admin.GetStringAsync($"/api/parks/{park}/dataset?format=json"))!["flows"]!.AsArray();
        Assert.Contains(live, f => f!["from"]!.GetValue<string>() == $"ut-chp.{park}" && f["id"]!.GetValue<string>().StartsWith("report:", StringComparison.Ordinal));
        Assert.DoesNotContain(live, f => f!["from"]!.GetValue<string>() == $"fl-float-4.{park}");
        var history = await Json(await admin.GetAsync($"/api/enterprises/fl-float-4.{park}/reports?history=true"));
        Assert.Equal("float-offcuts", history.GetProperty("items")[0].GetProperty("offer").GetProperty("material_id").GetString());

        // The dry run's before and after are the two versions' analyses.
        var analysis1 = Kpis(await Json(await admin.GetAsync($"/api/parks/{park}/analysis?version=1")));
        var analysis2 = Kpis(await Json(await admin.GetAsync($"/api/parks/{park}/analysis?version=2")));
        foreach (var (id, change) in kpis)
        {
            Assert.Equal(analysis1[id], Value(change.GetProperty("before")));
            Assert.Equal(analysis2[id], Value(change.GetProperty("after")));
        }

        Assert.NotEqual(analysis1["energy-intensity"], analysis2["energy-intensity"]); // 10,000 t less coal
    }

    [Fact]
    public async Task EachVersionsDataset_StaysReadable_AndAnUnknownVersionIs404()
    {
        const string park = "ver-read";
        using var admin = await factory.AdminAsync();
        var v1 = await CopyAsync(admin, park);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/datasets", Body(v1))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/datasets", Body(Revise(v1, park)))).StatusCode);

        var first = JsonNode.Parse(await admin.GetStringAsync($"/api/parks/{park}/dataset?format=json&version=1"))!;
        var second = JsonNode.Parse(await admin.GetStringAsync($"/api/parks/{park}/dataset?format=json&version=2"))!;
        var zip = await admin.GetAsync($"/api/parks/{park}/dataset?format=zip&version=1");
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/parks/{park}/dataset?version=3");
        english.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var missing = await admin.SendAsync(english);
        var missingAnalysis = await admin.GetAsync($"/api/parks/{park}/analysis?version=3");

        Assert.Equal((2023, 56), (first["reference_year"]!.GetValue<int>(), first["enterprises"]!.AsArray().Count));
        Assert.Equal((2024, 55), (second["reference_year"]!.GetValue<int>(), second["enterprises"]!.AsArray().Count));
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal($"park '{park}' has no dataset version 3 (versions: 1 to 2)", (await Json(missing)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missingAnalysis.StatusCode);
    }

    [Fact]
    public async Task DryRun_ForANewPark_ListsEverythingAsAdded_AndCreatesNoPark()
    {
        const string park = "ver-new";
        using var admin = await factory.AdminAsync();
        var document = await CopyAsync(admin, park);

        var dry = await admin.PostAsync("/api/datasets?dry_run=true", Body(document));

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var answer = await Json(dry);
        Assert.Equal(1, answer.GetProperty("version").GetInt32());
        Assert.Equal(56, answer.GetProperty("diff").GetProperty("enterprises").GetProperty("added").GetArrayLength());
        Assert.All(answer.GetProperty("kpis").EnumerateArray(), k => Assert.Equal(JsonValueKind.Null, k.GetProperty("before").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/parks/{park}/")).StatusCode);
    }

    private static Dictionary<string, decimal?> Kpis(JsonElement analysis) =>
        analysis.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!, k => Value(k.GetProperty("value")));

    private static decimal? Value(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();
}
