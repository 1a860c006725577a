using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkCycle.Server.Tests;

/// <summary>
/// The KPI history on a server of its own, whose clock this test moves by days: the last analysis of each day and the
/// first of each dataset version are kept, the rest of a day's analyses are not.
/// </summary>
public sealed class KpiHistoryApiTests : IAsyncLifetime
{
    private readonly ServerFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task OfferAsync(HttpClient admin, decimal tonnes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/enterprises/ut-chp/offers")
        {
            Content = JsonContent.Create(new { material = "fly-ash", quantity = tonnes, unit = "t", period = "year", available_from = _factory.Date(0), available_to = _factory.Date(200) }),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } },
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(request)).StatusCode);
    }

    /// <summary>Analyses the park now (the debounced re-analysis waits on the fake clock), as the dashboard's reads do.</summary>
    private static async Task<JsonElement> AnalyseAsync(HttpClient admin) => await Json(await admin.GetAsync("/api/parks/linxiang/analysis"));

    private static decimal? Kpi(JsonElement analysis, string id) =>
        analysis.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id).GetProperty("value") is { ValueKind: not JsonValueKind.Null } v ? v.GetDecimal() : null;

    /// <summary>A day later, signed in again: a token does not last a day.</summary>
    private async Task<HttpClient> NextDayAsync(HttpClient admin)
    {
        admin.Dispose();
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        return await _factory.AdminAsync();
    }

    [Fact]
    public async Task History_KeepsTheLastOfEachDayAndTheFirstOfEachVersion_WithTargetAndDueDate()
    {
        var admin = await _factory.AdminAsync();
        var start = ServerFactory.Start;
        var day0 = await AnalyseAsync(admin); // the seed's analysis at start-up: version 1, day 0

        // Day 1: version 2 (10,000 t less coal at the CHP plant), then two reports: the second replaces the first's point.
        admin = await NextDayAsync(admin);
        var document = JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json&version=1"))!;
        document["flows"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "f001")!["quantity"] = 320000;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(document.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/datasets", content)).StatusCode);
        var version2 = await AnalyseAsync(admin);
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await OfferAsync(admin, 1000);
        await AnalyseAsync(admin);
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await OfferAsync(admin, 2000);
        var lastOfDay1 = await AnalyseAsync(admin);

        // Day 2: one more report.
        admin = await NextDayAsync(admin);
        await OfferAsync(admin, 3000);
        var day2 = await AnalyseAsync(admin);

        var history = await Json(await admin.GetAsync("/api/parks/linxiang/kpis/history"));
        admin.Dispose();

        var series = history.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        var energy = series["energy-intensity"];
        Assert.Equal("tce/10k CNY", energy.GetProperty("unit").GetString());
        Assert.Equal(0.5m, energy.GetProperty("target").GetDecimal());
        var points = energy.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(
            [start, start.AddDays(1), start.AddDays(1).AddHours(2), start.AddDays(2).AddHours(2)],
            points.Select(p => p.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal([Kpi(day0, "energy-intensity"), Kpi(version2, "energy-intensity"), Kpi(lastOfDay1, "energy-intensity"), Kpi(day2, "energy-intensity")],
            points.Select(p => (decimal?)p.GetProperty("value").GetDecimal()));
        Assert.NotEqual(Kpi(day0, "energy-intensity"), Kpi(version2, "energy-intensity"));
        Assert.Equal("2025-12-31", series["non-fossil-share"].GetProperty("due").GetString());
        Assert.Equal(JsonValueKind.Null, energy.GetProperty("due").ValueKind);
    }
}
