using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkCycle.Server.Tests;

/// <summary>Projects reported live: registration and progress through the API, the one progress rule, and the forecast moving.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProjectsApiTests(ServerFactory factory)
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static double RiversideAtDue(JsonElement forecast) =>
        forecast.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("target").GetProperty("id").GetString() == "riverside-exit")
            .GetProperty("at_due").GetProperty("expected").GetDouble();

    [Fact]
    public async Task ProgressPostedThroughTheApi_MovesTheForecast()
    {
        using var admin = await factory.AdminAsync();
        var before = await Json(await admin.GetAsync("/api/parks/linxiang/forecast"));
        // bj-chem-1's relocation (syn-047) stood at 14.3% on 2025-06-01, the seed's latest report, and is due 2026-02.
        Assert.True(RiversideAtDue(before) < 1.0, $"riverside before: {RiversideAtDue(before)}");

        using var plant = await factory.UserAsync("bj-chem-1-user", "enterprise", "bj-chem-1");
        var posted = await plant.PostAsJsonAsync("/api/parks/linxiang/projects/syn-047-relocation/progress",
            new { percent_complete = 100, date = "2025-06-20", milestone = "old site cleared (人清、设备清、垃圾清、土地清)", note = "moved to the green chemical park" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("completed", (await Json(posted)).GetProperty("status").GetString());
        var after = await Json(await admin.GetAsync("/api/parks/linxiang/forecast"));
        Assert.Equal("2025-06-20", after.GetProperty("as_of").GetString());
        Assert.Equal(1.0, RiversideAtDue(after));
        var audit = await Json(await admin.GetAsync("/api/audit?page_size=500"));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("path").GetString() == "/api/parks/linxiang/projects/syn-047-relocation/progress" && e.GetProperty("status").GetInt32() == 201);
    }

    [Fact]
    public async Task TheLiveExport_CarriesTheProjectsWithTheProgressReportedThroughTheApi()
    {
        using var admin = await factory.AdminAsync();
        var posted = await admin.PostAsJsonAsync("/api/parks/linxiang/projects/syn-038-circular-transformation/progress",
            new { percent_complete = 55, date = "2025-06-15", note = "manure line half built" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var export = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!;

        // The seed's projects are there, with the report made through the API (what `parkcycle train` learns from).
        Assert.True(export["projects"]!.AsArray().Count > 10);
        Assert.Contains(export["progress"]!.AsArray(), r => r!["project"]!.GetValue<string>() == "syn-038-circular-transformation"
            && r["date"]!.GetValue<string>() == "2025-06-15" && r["percent_complete"]!.GetValue<decimal>() == 55m);
    }

    [Fact]
    public async Task Progress_IsValidatedByTheDatasetRule_AndEnterprisesWriteOnlyTheirOwn()
    {
        using var admin = await factory.AdminAsync();
        var registered = await admin.PostAsJsonAsync("/api/parks/linxiang/projects", new { id = $"live-{Guid.NewGuid():N}", enterprise = "ut-chp", type = "energy-saving", start = "2025-01-01", planned_end = "2025-12-31" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await Json(registered)).GetProperty("id").GetString();

        var over = await admin.PostAsJsonAsync($"/api/parks/linxiang/projects/{id}/progress", new { percent_complete = 120, date = "2025-03-01" });
        var early = await admin.PostAsJsonAsync($"/api/parks/linxiang/projects/{id}/progress", new { percent_complete = 10, date = "2024-12-01" });
        var future = await admin.PostAsJsonAsync($"/api/parks/linxiang/projects/{id}/progress", new { percent_complete = 10, date = factory.Date(1) });
        using var other = await factory.UserAsync("bm-brick-projects", "enterprise", "bm-brick");
        var foreign = await other.PostAsJsonAsync($"/api/parks/linxiang/projects/{id}/progress", new { percent_complete = 10, date = "2025-03-01" });
        var badType = await admin.PostAsJsonAsync("/api/parks/linxiang/projects", new { id = "x-1", enterprise = "ut-chp", type = "retrofit", start = "2025-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("120 is over 100", (await Json(over)).GetProperty("errors").GetProperty("percent_complete")[0].GetString());
        Assert.Equal("2024-12-01 is before the project's start 2025-01-01", (await Json(early)).GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode); // another enterprise's project is answered as an unknown one
        Assert.StartsWith("'retrofit' is not one of: ", (await Json(badType)).GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        var project = await Json(await admin.GetAsync($"/api/parks/linxiang/projects/{id}"));
        Assert.Equal(0, project.GetProperty("progress").GetArrayLength()); // nothing rejected was stored
    }
}
