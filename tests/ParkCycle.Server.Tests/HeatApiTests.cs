using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkCycle.Server.Tests;

/// <summary><c>GET /api/parks/{park}/heat</c> on the seeded Linxiang park (24 heat streams in seeds/linxiang/heat_streams.csv).</summary>
[Collection(ServerCollection.Name)]
public sealed class HeatApiTests(ServerFactory factory)
{
    [Fact]
    public async Task Heat_Investment_GetsThePinchReportOfTheSeededStreams()
    {
        using var investment = await factory.UserAsync("heat-investor", "investment", null);

        var response = await investment.GetAsync("/api/parks/linxiang/heat");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(24, body.GetProperty("streams").GetInt32());
        Assert.Equal(10m, body.GetProperty("dt_min_c").GetDecimal());
        Assert.Equal(body.GetProperty("hot_duty_kw").GetDecimal() - body.GetProperty("cold_utility_kw").GetDecimal(), body.GetProperty("heat_recovery_kw").GetDecimal());
        Assert.True(body.GetProperty("composite_curves").GetProperty("hot").GetArrayLength() > 2);
        Assert.True(body.GetProperty("grand_composite").GetArrayLength() > 2);
        foreach (var field in new[] { "hot_utility_kw", "cold_utility_kw", "pinch", "threshold", "annual_gj" })
        {
            Assert.True(body.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task Heat_BadDtMin_Is400NamingTheField()
    {
        using var investment = await factory.UserAsync("heat-investor-2", "investment", null);

        var response = await investment.GetAsync("/api/parks/linxiang/heat?dtmin=-3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dtmin", out _));
    }

    [Fact]
    public async Task Heat_EnterpriseUser_IsForbidden()
    {
        using var chp = await factory.UserAsync("heat-chp", "enterprise", "ut-chp");

        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/parks/linxiang/heat")).StatusCode);
    }
}
