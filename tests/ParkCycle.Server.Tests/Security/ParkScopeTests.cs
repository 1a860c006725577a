using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkCycle.Server.Tests.Security;

/// <summary>Issue #10 §5: a new park cannot take over another park's enterprise.</summary>
[Collection(ServerCollection.Name)]
public sealed class ParkScopeTests(ServerFactory factory)
{
    [Fact]
    public async Task ImportingAParkThatReusesAnEnterpriseId_Is409_AndTheEnterpriseStaysWhereItWas()
    {
        using var admin = await factory.AdminAsync();
        var document = new JsonObject
        {
            ["id"] = "takeover",
            ["name"] = "Takeover park",
            ["zones"] = new JsonArray(new JsonObject { ["id"] = "z1", ["name"] = "一区" }),
            ["enterprises"] = new JsonArray(new JsonObject
            {
                ["id"] = "bm-conch", ["name"] = "被接管", ["zone"] = "z1", ["chains"] = new JsonArray("other"), ["status"] = "operating",
            }),
            ["flows"] = new JsonArray(),
        };
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/enterprises/bm-conch/");
        var content = new StringContent(document.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await admin.PostAsync("/api/datasets", content);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("bm-conch (park linxiang)", problem.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/enterprises/bm-conch/");
        Assert.Equal("linxiang", after.GetProperty("park_id").GetString());
        Assert.Equal(before.GetProperty("name").GetString(), after.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/parks/takeover/")).StatusCode); // nothing was stored
    }
}
