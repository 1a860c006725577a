using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParkCycle.Domain.Datasets;
using ParkCycle.Forecasting;

namespace ParkCycle.Server.Tests;

/// <summary>
/// <c>GET /api/parks/{park}/programmes</c> on the seeded Linxiang park (3 programmes in seeds/linxiang/programmes.csv):
/// the contract of <c>parkcycle forecast programme --json</c>, the same figures as the forecaster on the seed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ProgrammesApiTests(ServerFactory factory)
{
    [Fact]
    public async Task Programmes_Investment_GetsTheForecastContract_StandingOnTheLatestCount()
    {
        using var investment = await factory.UserAsync("programme-investor", "investment", null);

        var body = await investment.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/programmes");

        var seed = DatasetReader.Read(Path.Combine(RepositoryPaths.Root, "seeds", "linxiang"), CatalogReader.Default).GetOrThrow();
        var asOf = seed.ProgrammeProgress.Max(c => c.Date);
        var expected = ProgrammeForecaster.ForecastAll(seed, asOf);
        Assert.Equal(expected.Select(e => e.Id), body.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        foreach (var (e, p) in expected.Zip(body.EnumerateArray()))
        {
            Assert.Equal(e.Total, p.GetProperty("total").GetInt32());
            Assert.Equal(asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.GetProperty("as_of").GetString());
            var points = p.GetProperty("forecast").EnumerateArray().ToList();
            Assert.Equal(24, points.Count);
            Assert.Equal(e.Forecast.Select(x => $"{x.Date:yyyy-MM-dd} {x.Predicted} {x.Low} {x.High}"),
                points.Select(x => $"{x.GetProperty("date").GetString()} {x.GetProperty("predicted").GetInt32()} {x.GetProperty("low").GetInt32()} {x.GetProperty("high").GetInt32()}"));
            Assert.All(points, x => Assert.InRange(x.GetProperty("high").GetInt32(), 0, e.Total));
            var completion = p.GetProperty("completion");
            Assert.Equal(e.Completion.P50?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), completion.GetProperty("p50").GetString());
            Assert.True(completion.TryGetProperty("p10", out _) && completion.TryGetProperty("p90", out _));
            Assert.Equal(seed.ProgrammeProgress.Count(c => c.ProgrammeId == e.Id), p.GetProperty("counts").GetArrayLength());
        }

        // The Linxiang relocation reached its 10 by its last count: done, every point is the total.
        var linxiang = body.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "linxiang-chemical-park-relocation");
        Assert.Equal("2024-09-20", linxiang.GetProperty("completion").GetProperty("p50").GetString());
        Assert.Equal("2025-12-31", linxiang.GetProperty("due").GetString());
        Assert.StartsWith("临湘", linxiang.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programmes_AsOfAnEarlierDate_UsesOnlyTheCountsUpToIt_AndABadDateIs400()
    {
        using var investment = await factory.UserAsync("programme-investor-2", "investment", null);

        var body = await investment.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/programmes?as_of=2022-12-31");
        var yueyang = body.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "yueyang-riverside-chemical");
        Assert.Equal(3, yueyang.GetProperty("counts").GetArrayLength());
        Assert.Equal("2023-01-31", yueyang.GetProperty("forecast")[0].GetProperty("date").GetString());

        var bad = await investment.GetAsync("/api/parks/linxiang/programmes?as_of=31.12.2022");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("as_of", out _));
    }

    [Fact]
    public async Task Programmes_EnterpriseAccount_IsForbidden()
    {
        using var enterprise = await factory.UserAsync("programme-firm", "enterprise", "ut-chp");

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/parks/linxiang/programmes")).StatusCode);
    }
}
