using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkCycle.Server.Tests.Security;

/// <summary>
/// Issue #10 §2: before both sides agree, an enterprise learns nothing that identifies a counterpart: matches carry
/// opaque handles per viewer, every "not yours" is answered like "does not exist", and no response an enterprise
/// can read names another enterprise or one of its reports or declared flows.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class IdentityTests(ServerFactory factory)
{
    private static HttpRequestMessage Post(string path, object body, string? key = null) =>
        new(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body),
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString("N") } },
        };

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private object SlagOffer => new { material = "steel-slag", quantity = 2500, unit = "t", period = "year", available_from = factory.Date(0), available_to = factory.Date(300) };

    private object StoneNeed => new { material = "crushed-stone", quantity = 400, unit = "t", needed_by = factory.Date(150) };

    [Fact]
    public async Task MatchHandles_DifferPerViewer_AreUselessToAnother_AndConnectBothWays()
    {
        using var consumer = await factory.UserAsync("handle-consumer", "enterprise", "bm-aac");
        using var supplier = await factory.UserAsync("handle-supplier", "enterprise", "lg-steel");
        var needKey = Guid.NewGuid().ToString("N");
        var need = await Json(await consumer.SendAsync(Post("/api/enterprises/bm-aac/needs", StoneNeed, needKey)));
        var needId = need.GetProperty("report_id").GetString()!;
        var offerKey = Guid.NewGuid().ToString("N");
        var offer = await Json(await supplier.SendAsync(Post("/api/enterprises/lg-steel/offers", SlagOffer, offerKey)));
        var offerId = offer.GetProperty("report_id").GetString()!;
        // The supplier's answer names the consumer's need as a match; the consumer's retry names the supplier's offer: one pair, two viewers.
        var asSupplier = (await factory.MatchesOfAsync("lg-steel", offer)).Single(m => m.Pair.NeedReportId == needId).View.GetProperty("connection_id").GetString()!;
        var consumerAnswer = await Json(await consumer.SendAsync(Post("/api/enterprises/bm-aac/needs", StoneNeed, needKey)));
        var asConsumer = (await factory.MatchesOfAsync("bm-aac", consumerAnswer)).Single(m => m.Pair.OfferReportId == offerId).View;
        var consumerHandle = asConsumer.GetProperty("connection_id").GetString()!;

        Assert.NotEqual(asSupplier, consumerHandle);
        Assert.All(new[] { asSupplier, consumerHandle }, h =>
        {
            Assert.Equal(22, h.Length); // 128 random bits, base64url
            Assert.DoesNotContain("lg-steel", h, StringComparison.Ordinal);
            Assert.DoesNotContain("bm-aac", h, StringComparison.Ordinal);
            Assert.DoesNotContain("|", h, StringComparison.Ordinal);
        });
        Assert.Equal("anonymous", asConsumer.GetProperty("counterpart").GetString());

        // Each side's handle is nothing to the other side, even though both stand for one pair.
        var swappedBySupplier = await supplier.PostAsJsonAsync("/api/enterprises/lg-steel/connections", new { connection_id = consumerHandle });
        var swappedByConsumer = await consumer.PostAsJsonAsync("/api/enterprises/bm-aac/connections", new { connection_id = asSupplier });
        Assert.Equal(HttpStatusCode.BadRequest, swappedBySupplier.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, swappedByConsumer.StatusCode);

        var first = await Json(await supplier.PostAsJsonAsync("/api/enterprises/lg-steel/connections", new { connection_id = asSupplier }));
        var second = await Json(await consumer.PostAsJsonAsync("/api/enterprises/bm-aac/connections", new { connection_id = consumerHandle }));

        Assert.Equal((false, JsonValueKind.Null), (first.GetProperty("agreed").GetBoolean(), first.GetProperty("counterpart").ValueKind));
        Assert.Equal((true, "lg-steel"), (second.GetProperty("agreed").GetBoolean(), second.GetProperty("counterpart").GetString()));
        var later = await Json(await supplier.SendAsync(Post("/api/enterprises/lg-steel/offers", SlagOffer, offerKey)));
        var revealed = (await factory.MatchesOfAsync("lg-steel", later)).Single(m => m.Pair.NeedReportId == needId).View;
        Assert.Equal(("bm-aac", true), (revealed.GetProperty("counterpart").GetString(), revealed.GetProperty("connected").GetBoolean()));
    }

    [Fact]
    public async Task Connect_AnswersUnknownAndNotYoursAlike()
    {
        using var consumer = await factory.UserAsync("uniform-consumer", "enterprise", "bm-aac");
        using var stranger = await factory.UserAsync("uniform-stranger", "enterprise", "ag-tea");
        var need = await Json(await consumer.SendAsync(Post("/api/enterprises/bm-aac/needs", StoneNeed)));
        var handle = need.GetProperty("matches")[0].GetProperty("connection_id").GetString()!;
        var pair = (await factory.MatchesOfAsync("bm-aac", need))[0].Pair;

        var attempts = new[]
        {
            handle, // a real handle of another enterprise
            pair.ConnectionKey, // the real pair of reports, as the old ids named it
            $"{pair.OfferReportId}|ag-tea-r999", // a real report of someone else with a made-up one
            "no-such-r1|also-none-r1", // made up
            "AAAAAAAAAAAAAAAAAAAAAA", // shaped like a handle
            new string('x', 5000), // too long to be one
        };
        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var attempt in attempts)
        {
            var response = await stranger.PostAsJsonAsync("/api/enterprises/ag-tea/connections", new { connection_id = attempt });
            answers.Add((response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync())));
        }

        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.BadRequest, answers[0].Status);
        Assert.Contains("connection_id", answers[0].Body, StringComparison.Ordinal);
        // The handle still works for the one it was given to.
        var own = await consumer.PostAsJsonAsync("/api/enterprises/bm-aac/connections", new { connection_id = handle });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True((await Json(own)).GetProperty("consumer_agreed").GetBoolean());
    }

    [Fact]
    public async Task AnEnterprise_SeesNoCounterpartInAnyResponse_StaffDo()
    {
        using var admin = await factory.AdminAsync();
        var members = (await Json(await admin.GetAsync("/api/parks/linxiang/enterprises?page_size=500"))).GetProperty("items").EnumerateArray()
            .Select(e => (Id: e.GetProperty("id").GetString()!, Name: e.GetProperty("name").GetString()!)).ToList();
        using var viewer = await factory.UserAsync("visibility-viewer", "enterprise", "bm-aac");
        using var investment = await factory.UserAsync("visibility-investment", "investment");
        using var other = await factory.UserAsync("visibility-other", "enterprise", "lg-steel");
        await other.SendAsync(Post("/api/enterprises/lg-steel/offers", SlagOffer));
        await admin.PostAsJsonAsync("/api/parks/linxiang/projects", new { id = $"vis-{Guid.NewGuid():N}", enterprise = "lg-steel", type = "energy-saving", start = "2025-01-01" });

        var need = await viewer.SendAsync(Post("/api/enterprises/bm-aac/needs", StoneNeed));
        var needBody = await Json(need);
        var connect = await viewer.PostAsJsonAsync("/api/enterprises/bm-aac/connections", new { connection_id = needBody.GetProperty("matches")[0].GetProperty("connection_id").GetString() });
        var bodies = new List<(string What, JsonElement Body)> { ("need answer", needBody), ("connection answer", await Json(connect)) };
        foreach (var path in new[]
        {
            "/api/parks", "/api/parks/linxiang/", "/api/parks/linxiang/enterprises?page_size=500", "/api/parks/linxiang/materials",
            "/api/parks/linxiang/projects", "/api/enterprises/bm-aac/", "/api/enterprises/bm-aac/reports?history=true&page_size=500",
        })
        {
            var response = await viewer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            bodies.Add((path, await Json(response)));
        }

        var others = members.Where(m => m.Id != "bm-aac").ToList();
        foreach (var (what, body) in bodies)
        {
            foreach (var text in Strings(body))
            {
                Assert.False(others.Any(o => text == o.Id || text.StartsWith(o.Id + "-r", StringComparison.Ordinal) || text == o.Name), $"{what} names another enterprise: '{text}'");
                Assert.False(text.StartsWith("flow:", StringComparison.Ordinal) || text.Contains('|', StringComparison.Ordinal), $"{what} carries a report or flow id: '{text}'");
            }
        }

        Assert.NotEmpty(needBody.GetProperty("matches").EnumerateArray());
        // What is the park's staff's to see is not the enterprise's: each is refused, whatever the park holds.
        foreach (var path in new[]
        {
            "/api/parks/linxiang/flows", "/api/parks/linxiang/sankey", "/api/parks/linxiang/analysis", "/api/parks/linxiang/heat", "/api/parks/linxiang/reconciliation",
            "/api/parks/linxiang/scenario?remove=lg-steel", "/api/parks/linxiang/forecast", "/api/parks/linxiang/quarantine", "/api/parks/linxiang/dataset?format=json",
            "/api/parks/linxiang/versions", "/api/parks/linxiang/kpis/history", "/api/parks/linxiang/analysis?version=1", "/api/parks/linxiang/dataset?version=1&format=json",
            "/api/enterprises/lg-steel/", "/api/enterprises/lg-steel/reports", "/api/audit",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(path)).StatusCode);
        }

        // The park's staff see who: administrators in a report's matches, investment staff in the flows and members.
        var forAdmin = await Json(await admin.SendAsync(Post("/api/enterprises/bm-aac/needs", StoneNeed)));
        Assert.Contains(forAdmin.GetProperty("matches").EnumerateArray(), m => m.GetProperty("counterpart").GetString() == "lg-steel");
        var flows = await Json(await investment.GetAsync("/api/parks/linxiang/flows"));
        Assert.Contains(flows.GetProperty("flows").EnumerateArray(), f => f.GetProperty("from").GetString() == "lg-steel" || f.GetProperty("to").GetString() == "lg-steel");
        Assert.Equal(HttpStatusCode.OK, (await investment.GetAsync("/api/enterprises/lg-steel/reports")).StatusCode);
    }

    [Fact]
    public async Task AnotherEnterprisesProject_IsAnsweredLikeAnUnknownOne()
    {
        using var admin = await factory.AdminAsync();
        var id = $"hidden-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/parks/linxiang/projects", new { id, enterprise = "lg-steel", type = "energy-saving", start = "2025-01-01" })).StatusCode);
        using var viewer = await factory.UserAsync("project-viewer", "enterprise", "bm-aac");

        var real = await viewer.GetAsync($"/api/parks/linxiang/projects/{id}");
        var unknown = await viewer.GetAsync("/api/parks/linxiang/projects/no-such-project");
        var realProgress = await viewer.PostAsJsonAsync($"/api/parks/linxiang/projects/{id}/progress", new { percent_complete = 5, date = "2025-02-01" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (real.StatusCode, unknown.StatusCode, realProgress.StatusCode));
        var project = await Json(await admin.GetAsync($"/api/parks/linxiang/projects/{id}"));
        Assert.Equal(0, project.GetProperty("progress").GetArrayLength());
    }

    private static string WithoutTraceId(string body)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        node.Remove("trace_id"); // per request, by design
        return node.ToJsonString();
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
