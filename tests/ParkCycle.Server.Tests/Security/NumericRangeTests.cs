using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ParkCycle.Server.Tests.Security;

/// <summary>Issue #10 §1: no number sent to the API can be stored beyond its physical range or break the analysis.</summary>
[Collection(ServerCollection.Name)]
public sealed class NumericRangeTests(ServerFactory factory)
{
    private const string MaxDecimal = "79228162514264337593543950335";

    private DateOnly Today => DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    private string OfferJson(string quantity, string period = "year", string price = "15") =>
        $$"""{"material":"fly-ash","quantity":{{quantity}},"unit":"t","period":"{{period}}","available_from":"{{Today:yyyy-MM-dd}}","available_to":"{{Today.AddMonths(6):yyyy-MM-dd}}","price_cny_per_unit":{{price}}}""";

    private string NeedJson(string quantity, string period = "year") =>
        $$"""{"material":"clay","quantity":{{quantity}},"unit":"t","period":"{{period}}","needed_by":"{{Today.AddMonths(6):yyyy-MM-dd}}"}""";

    private static HttpRequestMessage Post(string path, string json) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } },
    };

    private static async Task<int> TotalAsync(HttpClient client, string enterprise) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{enterprise}/reports?history=true")).GetProperty("total").GetInt32();

    public static TheoryData<string, string, string> HugeValues => new()
    {
        { "offers", "quantity", MaxDecimal },
        { "offers", "quantity", "1e28" },
        { "offers", "quantity", "10000000001" },
        { "offers", "quantity@week", "10000000000" },
        { "offers", "quantity@week", MaxDecimal },
        { "offers", "price_cny_per_unit", MaxDecimal },
        { "needs", "quantity", MaxDecimal },
        { "needs", "quantity@month", "9999999999" },
    };

    [Theory]
    [MemberData(nameof(HugeValues))]
    public async Task HugeNumber_Is400NamingTheField_StoresNothing_AndTheParkStillAnalyses(string endpoint, string field, string value)
    {
        using var admin = await factory.AdminAsync();
        var enterprise = endpoint == "offers" ? "ut-chp" : "bm-brick";
        var before = await TotalAsync(admin, enterprise);
        var (name, period) = field.Contains('@') ? (field[..field.IndexOf('@')], field[(field.IndexOf('@') + 1)..]) : (field, "year");
        var json = endpoint == "offers"
            ? name == "price_cny_per_unit" ? OfferJson("100", price: value) : OfferJson(value, period)
            : NeedJson(value, period);

        var response = await admin.SendAsync(Post($"/api/enterprises/{enterprise}/{endpoint}", json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(name, out var reasons), errors.ToString());
        Assert.Contains("out of range", reasons[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await TotalAsync(admin, enterprise));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/parks/linxiang/analysis")).StatusCode);
    }

    [Fact]
    public async Task QuantityAsAString_IsReadAsTheNumber_WithTheSameRangeCheck()
    {
        using var admin = await factory.AdminAsync();

        var asString = await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", OfferJson("\"10\"")));
        var hugeString = await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", OfferJson($"\"{MaxDecimal}\"")));

        Assert.Equal(HttpStatusCode.Created, asString.StatusCode);
        var id = (await asString.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report_id").GetString();
        var reports = await admin.GetFromJsonAsync<JsonElement>("/api/enterprises/ut-chp/reports");
        var stored = reports.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("report_id").GetString() == id);
        Assert.Equal(10m, stored.GetProperty("offer").GetProperty("quantity").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, hugeString.StatusCode);
    }

    [Fact]
    public async Task Quarantine_IsListedForAdministratorsOnly()
    {
        using var admin = await factory.AdminAsync();
        using var investment = await factory.UserAsync("range-investor", "investment");

        var list = await admin.GetAsync("/api/parks/linxiang/quarantine");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await list.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.GetAsync("/api/parks/linxiang/quarantine")).StatusCode);
    }
}
