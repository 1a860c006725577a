using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkCycle.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class ApiTests(ServerFactory factory)
{
    private object Offer(decimal quantity = 1200, string unit = "t", string material = "fly-ash") => new
    {
        material, quantity, unit, period = "year", available_from = factory.Date(0), available_to = factory.Date(365), price_cny_per_unit = 15, quality_notes = "class II",
    };

    private static HttpRequestMessage Post(string path, object body, string? key = "auto") =>
        new(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body),
            Headers = { { "Idempotency-Key", key == "auto" ? Guid.NewGuid().ToString("N") : key } },
        };

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Token_WrongPassword_Is401ProblemDetails_AndMissingFieldsAreNamed()
    {
        var client = factory.CreateClient();

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = "admin", password = "nope" }) };
        english.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var wrong = await client.SendAsync(english);
        var missing = await client.PostAsJsonAsync("/api/auth/token", new { username = "" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Equal("wrong username or password", (await Json(wrong)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await Json(missing)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _) && errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task NoToken_Is401_OnEveryProtectedEndpoint()
    {
        var client = factory.CreateClient();
        foreach (var path in new[] { "/api/parks/linxiang/", "/api/parks/linxiang/analysis", "/api/enterprises/ut-chp/", "/api/enterprises/ut-chp/reports", "/api/audit" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Enterprise_ReportsItsOwnByproduct_SeesAnonymisedMatches()
    {
        using var chp = await factory.UserAsync("chp-user", "enterprise", "ut-chp");

        var response = await chp.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        var matches = body.GetProperty("matches").EnumerateArray().ToList();
        Assert.NotEmpty(matches); // bm-brick imports clay that fly ash replaces
        Assert.All(matches, m => Assert.Equal("anonymous", m.GetProperty("counterpart").GetString()));
        Assert.All(matches, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("counterpart_zone").GetString())));
    }

    [Fact]
    public async Task Enterprise_CanNeverReadOrChangeAnotherEnterprisesData()
    {
        using var chp = await factory.UserAsync("chp-user-2", "enterprise", "ut-chp");

        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/enterprises/bm-brick/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.SendAsync(Post("/api/enterprises/bm-brick/offers", Offer()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.SendAsync(Post("/api/enterprises/bm-brick/needs", new { material = "clay", quantity = 1, unit = "t", needed_by = factory.Date(31) }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/parks/linxiang/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/parks/linxiang/sankey")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/parks/linxiang/forecast")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/parks/linxiang/scenario?remove=bm-brick")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/api/parks/linxiang/dataset?format=json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.PostAsync("/api/datasets", JsonContent.Create(new { id = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.PostAsJsonAsync("/api/enterprises/bm-brick/connections", new { connection_id = "a|b" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.GetAsync("/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chp.PostAsJsonAsync("/api/accounts", new { username = "x", password = "password-123", role = "administrator" })).StatusCode);
        var list = await Json(await chp.GetAsync("/api/parks/linxiang/enterprises"));
        Assert.Equal(["ut-chp"], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await chp.GetAsync("/api/enterprises/ut-chp/reports")).StatusCode);
    }

    [Fact]
    public async Task InvestmentStaff_SeeAnalysisAndIdentities_NotCommercialTermsNorWrites()
    {
        using var chp = await factory.UserAsync("chp-user-3", "enterprise", "ut-chp");
        await chp.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer()));
        using var investment = await factory.UserAsync("invest-user", "investment");

        var analysis = await investment.GetAsync("/api/parks/linxiang/analysis");
        var reports = (await Json(await investment.GetAsync("/api/enterprises/ut-chp/reports"))).GetProperty("items");
        var write = await investment.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer()));

        Assert.Equal(HttpStatusCode.OK, analysis.StatusCode);
        Assert.True((await Json(analysis)).GetProperty("loops").GetArrayLength() >= 20);
        Assert.All(reports.EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("offer").GetProperty("price_cny_per_unit").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var list = await Json(await investment.GetAsync("/api/parks/linxiang/enterprises?page=1&page_size=10"));
        Assert.Equal((10, 56), (list.GetProperty("items").GetArrayLength(), list.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task AdministrationOnlyOffer_IsSeenByTheAdministration_NotByInvestmentStaffNorMatched()
    {
        using var chp = await factory.UserAsync("chp-user-admin-only", "enterprise", "ut-chp");
        var offer = new
        {
            material = "fly-ash", quantity = 4321, unit = "t", period = "year", available_from = factory.Date(0), available_to = factory.Date(365),
            visibility = "administration-only",
        };
        var created = await chp.SendAsync(Post("/api/enterprises/ut-chp/offers", offer));
        using var investment = await factory.UserAsync("invest-user-admin-only", "investment");
        using var admin = await factory.AdminAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Empty((await Json(created)).GetProperty("matches").EnumerateArray());
        static bool Has4321(JsonElement items) => items.EnumerateArray().Any(r => r.GetProperty("offer").ValueKind == JsonValueKind.Object && r.GetProperty("offer").GetProperty("quantity").GetDecimal() == 4321);
        Assert.False(Has4321((await Json(await investment.GetAsync("/api/enterprises/ut-chp/reports?page_size=500"))).GetProperty("items")));
        Assert.True(Has4321((await Json(await admin.GetAsync("/api/enterprises/ut-chp/reports?page_size=500"))).GetProperty("items")));
        Assert.True(Has4321((await Json(await chp.GetAsync("/api/enterprises/ut-chp/reports?page_size=500"))).GetProperty("items")));
    }

    [Fact]
    public async Task Administrator_SeesPricesAndTheAuditTrail()
    {
        using var chp = await factory.UserAsync("chp-user-4", "enterprise", "ut-chp");
        await chp.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer(777)));
        using var admin = await factory.AdminAsync();

        var reports = (await Json(await admin.GetAsync("/api/enterprises/ut-chp/reports?page_size=500"))).GetProperty("items");
        var audit = await Json(await admin.GetAsync("/api/audit"));

        Assert.Contains(reports.EnumerateArray(), r => r.GetProperty("offer").GetProperty("quantity").GetDecimal() == 777 && r.GetProperty("offer").GetProperty("price_cny_per_unit").GetDecimal() == 15);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("user").GetString() == "chp-user-4" && a.GetProperty("path").GetString() == "/api/enterprises/ut-chp/offers" && a.GetProperty("status").GetInt32() == 201);
    }

    [Fact]
    public async Task BadReport_IsA400ProblemNamingEachField_AndStoresNothing()
    {
        using var admin = await factory.AdminAsync();
        var before = (await Json(await admin.GetAsync("/api/enterprises/bm-conch/reports"))).GetProperty("total").GetInt32();

        var bad = await admin.SendAsync(Post("/api/enterprises/bm-conch/offers", Offer(-1, "GJ")));
        var noKey = await admin.SendAsync(Post("/api/enterprises/bm-conch/offers", Offer(), key: null));
        var badPeriod = await admin.SendAsync(Post("/api/enterprises/bm-conch/offers", new { material = "fly-ash", quantity = 1, unit = "t", period = "fortnight", available_from = factory.Date(0), available_to = factory.Date(31) }));
        var unknown = await admin.SendAsync(Post("/api/enterprises/bm-conch/needs", new { material = "moon-dust", quantity = 1, unit = "t", needed_by = factory.Date(31) }));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.Equal("-1 must be greater than zero", errors.GetProperty("quantity")[0].GetString());
        Assert.Equal("unit 'GJ' does not match fly-ash, which is measured in t ('GJ' needs lhv_gj_per_unit)", errors.GetProperty("unit")[0].GetString());
        Assert.True((await Json(noKey)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.StartsWith("'fortnight' is not one of", (await Json(badPeriod)).GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("unknown material 'moon-dust'", (await Json(unknown)).GetProperty("errors").GetProperty("material")[0].GetString());
        Assert.Equal(before, (await Json(await admin.GetAsync("/api/enterprises/bm-conch/reports"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RetryWithTheSameIdempotencyKey_Returns200AndTheSameReport()
    {
        using var admin = await factory.AdminAsync();

        var first = await Json(await admin.SendAsync(Post("/api/enterprises/ag-tea/offers", Offer(50, "t", "tea-residue"), "tea-key-1")));
        var again = await admin.SendAsync(Post("/api/enterprises/ag-tea/offers", Offer(50, "t", "tea-residue"), "tea-key-1"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await Json(again);
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("report_id").GetString(), second.GetProperty("report_id").GetString());
    }

    [Fact]
    public async Task OpenApi_Metrics_Health_AndTheDashboardAreServed()
    {
        var client = factory.CreateClient();

        var openapi = await Json(await client.GetAsync("/openapi/v1.json"));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/enterprises/{id}/offers", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Contains("<div id=\"sankey\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        using var admin = await factory.AdminAsync();
        await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer(5)));
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("parkcycle_reports_accepted", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_RevealsIdentitiesOnlyWhenBothSidesAgree()
    {
        using var supplier = await factory.UserAsync("conn-supplier", "enterprise", "lg-steel");
        using var consumer = await factory.UserAsync("conn-consumer", "enterprise", "bm-aac");
        using var stranger = await factory.UserAsync("conn-stranger", "enterprise", "ag-tea");
        var offerKey = Guid.NewGuid().ToString("N");
        var offer = await Json(await supplier.SendAsync(Post("/api/enterprises/lg-steel/offers", Offer(3000, "t", "steel-slag"), offerKey)));
        var needKey = Guid.NewGuid().ToString("N");
        var need = await Json(await consumer.SendAsync(Post("/api/enterprises/bm-aac/needs", new { material = "crushed-stone", quantity = 500, unit = "t", needed_by = factory.Date(182) }, needKey)));
        // The handle says nothing; the test asks the consumer's handle grain which match is lg-steel's new offer.
        var match = (await factory.MatchesOfAsync("bm-aac", need)).First(m => m.View.GetProperty("source_material").GetString() == "steel-slag" && m.Pair.OfferReportId == offer.GetProperty("report_id").GetString()).View;
        Assert.Equal("anonymous", match.GetProperty("counterpart").GetString());
        var id = match.GetProperty("connection_id").GetString();

        var intruder = await stranger.PostAsJsonAsync("/api/enterprises/ag-tea/connections", new { connection_id = id });
        var first = await Json(await consumer.PostAsJsonAsync("/api/enterprises/bm-aac/connections", new { connection_id = id }));
        // Each side connects with its own handle for the pair: the supplier's comes from its offer's answer, asked again.
        var needId = need.GetProperty("report_id").GetString();
        var offerAgain = await Json(await supplier.SendAsync(Post("/api/enterprises/lg-steel/offers", Offer(3000, "t", "steel-slag"), offerKey)));
        var supplierId = (await factory.MatchesOfAsync("lg-steel", offerAgain)).Single(m => m.Pair.NeedReportId == needId && m.Pair.OfferReportId == offer.GetProperty("report_id").GetString()).View.GetProperty("connection_id").GetString();
        var second = await Json(await supplier.PostAsJsonAsync("/api/enterprises/lg-steel/connections", new { connection_id = supplierId }));
        var again = await Json(await consumer.SendAsync(Post("/api/enterprises/bm-aac/needs", new { material = "crushed-stone", quantity = 500, unit = "t", needed_by = factory.Date(182) }, needKey)));

        Assert.Equal(HttpStatusCode.BadRequest, intruder.StatusCode); // a handle is nothing to another enterprise
        Assert.False(first.GetProperty("agreed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("counterpart").ValueKind);
        Assert.True(second.GetProperty("agreed").GetBoolean());
        Assert.Equal("bm-aac", second.GetProperty("counterpart").GetString());
        var revealed = again.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("connection_id").GetString() == id);
        Assert.Equal(("lg-steel", true), (revealed.GetProperty("counterpart").GetString(), revealed.GetProperty("connected").GetBoolean()));
    }

    [Fact]
    public async Task AMatchOnADeclaredFlow_CanBeConnected_ByTheSideThatReported()
    {
        using var consumer = await factory.UserAsync("flow-consumer", "enterprise", "bm-brick");
        var need = await Json(await consumer.SendAsync(Post("/api/enterprises/bm-brick/needs", new { material = "clay", quantity = 800, unit = "t", needed_by = factory.Date(182) })));
        // Declared disposals of the park's enterprises stand as offers with ids flow:<flow id>.
        var match = (await factory.MatchesOfAsync("bm-brick", need)).First(m => m.Pair.OfferReportId.StartsWith("flow:", StringComparison.Ordinal)).View;
        var id = match.GetProperty("connection_id").GetString();

        var agreed = await consumer.PostAsJsonAsync("/api/enterprises/bm-brick/connections", new { connection_id = id });
        var unknown = await consumer.PostAsJsonAsync("/api/enterprises/bm-brick/connections", new { connection_id = "flow:no-such-flow|bm-brick-r1" });

        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        var body = await Json(agreed);
        Assert.Equal((false, true, false), (body.GetProperty("supplier_agreed").GetBoolean(), body.GetProperty("consumer_agreed").GetBoolean(), body.GetProperty("agreed").GetBoolean()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task OrleansDashboard_IsForAdministratorsOnly()
    {
        using var admin = await factory.AdminAsync();
        using var investment = await factory.UserAsync("invest-dash", "investment");

        var forAdmin = await admin.GetAsync("/orleans/");

        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
        Assert.Equal("text/html", forAdmin.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.GetAsync("/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient(new() { HandleCookies = false }).GetAsync("/orleans/")).StatusCode);
    }

    [Fact]
    public async Task ReportEndpoints_AreRateLimited()
    {
        using var limited = await factory.UserAsync("burst-user", "enterprise", "bm-brick");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 45; i++)
        {
            statuses.Add((await limited.SendAsync(Post("/api/enterprises/bm-brick/needs", new { material = "clay", quantity = 1 + i, unit = "t", needed_by = factory.Date(31) }))).StatusCode);
        }

        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
