using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Tests.Security;

/// <summary>
/// Issue #10, "Done when": a corpus of bad input over every write endpoint — reports, connections, accounts, the
/// token endpoint, projects and their progress, and a bad cell in every table of a dataset — each answered with its
/// 4xx, naming the field, and storing nothing (read back after).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputCorpusTests(ServerFactory factory)
{
    /// <summary>The field is removed from the body.</summary>
    private const string Absent = "<absent>";

    /// <summary>The field's value is the raw text after this prefix, so the body is not JSON at all.</summary>
    private const string RawBody = "<raw>";

    private const string MaxDecimal = "79228162514264337593543950335";

    private static readonly string LongText = JsonSerializer.Serialize(new string('x', 2_001));

    /// <summary>Endpoint, field to change, its new value (JSON, or <see cref="Absent"/>, or <see cref="RawBody"/> + text), the status, the field the answer names.</summary>
    public static TheoryData<string, string, string, int, string> Corpus => new()
    {
        { "offers", "material", Absent, 400, "material" },
        { "offers", "material", "\"unobtainium\"", 400, "material" },
        { "offers", "material", "42", 400, "material" },
        { "offers", "quantity", Absent, 400, "quantity" },
        { "offers", "quantity", "-5", 400, "quantity" },
        { "offers", "quantity", "0", 400, "quantity" },
        { "offers", "quantity", "10000000001", 400, "quantity" },
        { "offers", "quantity", MaxDecimal, 400, "quantity" },
        { "offers", "quantity", "1e400", 400, "quantity" },
        { "offers", "quantity", "\"ten\"", 400, "quantity" },
        { "offers", "quantity", "[1]", 400, "quantity" },
        { "offers", "unit", "\"parsec\"", 400, "unit" },
        { "offers", "unit", "\"m3\"", 400, "unit" },
        { "offers", "period", "\"fortnight\"", 400, "period" },
        { "offers", "available_from", "\"2026-13-45\"", 400, "available_from" },
        { "offers", "available_to", "\"2020-01-01\"", 400, "available_to" },
        { "offers", "available_to", Absent, 400, "available_to" },
        { "offers", "price_cny_per_unit", "-1", 400, "price_cny_per_unit" },
        { "offers", "price_cny_per_unit", "1000000001", 400, "price_cny_per_unit" },
        { "offers", "quality_notes", LongText, 400, "quality_notes" },
        { "offers", "quality_notes", "\"bad\\u0001byte\"", 400, "quality_notes" },
        { "offers", "visibility", "\"everyone\"", 400, "visibility" },
        { "offers", "Idempotency-Key", Absent, 400, "Idempotency-Key" },
        { "offers", "Idempotency-Key", "\"" + new string('k', 129) + "\"", 400, "Idempotency-Key" },
        { "offers", "$", RawBody + "{\"material\": ", 400, "material" }, // cut short: named where it broke
        { "offers", "$", RawBody + "[1, 2]", 400, "body" },
        { "needs", "material", Absent, 400, "material" },
        { "needs", "quantity", "10000000001", 400, "quantity" },
        { "needs", "quantity", "\"lots\"", 400, "quantity" },
        { "needs", "unit", "\"GJ\"", 400, "unit" },
        { "needs", "period", "\"daily\"", 400, "period" },
        { "needs", "needed_by", Absent, 400, "needed_by" },
        { "needs", "needed_by", "\"2020-01-01\"", 400, "needed_by" },
        { "needs", "needed_by", "\"tomorrow\"", 400, "needed_by" },
        { "needs", "notes", LongText, 400, "notes" },
        { "needs", "$", RawBody + "not json", 400, "body" },
        { "connections", "connection_id", Absent, 400, "connection_id" },
        { "connections", "connection_id", "\"\"", 400, "connection_id" },
        { "connections", "connection_id", "\"ut-chp-r1|bm-brick-r1\"", 400, "connection_id" },
        { "connections", "connection_id", "\"" + new string('h', 5000) + "\"", 400, "connection_id" },
        { "connections", "connection_id", "17", 400, "connection_id" },
        { "connections", "$", RawBody + "{", 400, "body" },
        { "accounts", "username", Absent, 400, "username" },
        { "accounts", "username", "\"ab\"", 400, "username" },
        { "accounts", "username", "\"bad\\u0007name\"", 400, "username" },
        { "accounts", "username", "\"" + new string('u', 65) + "\"", 400, "username" },
        { "accounts", "username", "\"<img src=x>\"", 400, "username" },
        { "accounts", "password", Absent, 400, "password" },
        { "accounts", "password", "\"short\"", 400, "password" },
        { "accounts", "password", "\"            \"", 400, "password" },
        { "accounts", "password", "\"password1234\"", 400, "password" },
        { "accounts", "role", "\"emperor\"", 400, "role" },
        { "accounts", "enterprise", Absent, 400, "enterprise" },
        { "accounts", "enterprise", "\"no-such-enterprise\"", 400, "enterprise" },
        { "accounts", "enterprise", "\"" + new string('e', 101) + "\"", 400, "enterprise" },
        { "accounts", "$", RawBody + "[]", 400, "body" },
        { "token", "username", Absent, 400, "username" },
        { "token", "username", "5", 400, "username" },
        { "token", "password", Absent, 400, "password" },
        { "token", "$", RawBody + "username=admin", 400, "body" },
        { "projects", "id", Absent, 400, "id" },
        { "projects", "id", "\"<img src=x onerror=alert(1)>\"", 400, "id" },
        { "projects", "id", "\"" + new string('p', 101) + "\"", 400, "id" },
        { "projects", "enterprise", "\"no-such-enterprise\"", 400, "enterprise" },
        { "projects", "type", "\"retrofit\"", 400, "type" },
        { "projects", "start", Absent, 400, "start" },
        { "projects", "start", "\"2025-02-30\"", 400, "start" },
        { "projects", "planned_end", "\"2024-01-01\"", 400, "planned_end" },
        { "projects", "budget_10k_cny", "1000000001", 400, "budget_10k_cny" },
        { "projects", "budget_10k_cny", MaxDecimal, 400, "budget_10k_cny" },
        { "projects", "subsidy_10k_cny", "1000", 400, "subsidy_10k_cny" },
        { "projects", "$", RawBody + "{\"id\":", 400, "id" },
        { "progress", "percent_complete", Absent, 400, "percent_complete" },
        { "progress", "percent_complete", "150", 400, "percent_complete" },
        { "progress", "percent_complete", "-1", 400, "percent_complete" },
        { "progress", "percent_complete", "\"half\"", 400, "percent_complete" },
        { "progress", "date", Absent, 400, "date" },
        { "progress", "date", "\"2024-06-01\"", 400, "date" },
        { "progress", "date", "\"2099-01-01\"", 400, "date" },
        { "progress", "note", LongText, 400, "note" },
        { "progress", "milestone", LongText, 400, "milestone" },
        { "progress", "note", "\"bell\\u0007\"", 400, "note" },
        { "progress", "$", RawBody + "42", 400, "body" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task BadInput_Is4xxNamingTheField_AndStoresNothing(string endpoint, string field, string value, int status, string named)
    {
        using var admin = await factory.AdminAsync();
        var setup = await SetUpAsync(endpoint, admin);
        var body = setup.Body;
        var key = Guid.NewGuid().ToString("N");
        string text;
        if (value.StartsWith(RawBody, StringComparison.Ordinal))
        {
            text = value[RawBody.Length..];
        }
        else
        {
            if (field == "Idempotency-Key")
            {
                key = value == Absent ? null! : JsonNode.Parse(value)!.GetValue<string>();
            }
            else if (value == Absent)
            {
                body.Remove(field);
            }
            else
            {
                body[field] = JsonNode.Parse(value);
            }

            text = body.ToJsonString();
        }

        var before = await setup.ReadBack();
        var request = new HttpRequestMessage(HttpMethod.Post, setup.Path) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await setup.Client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"{endpoint} {field}={Clip(value)}: {(int)response.StatusCode} {Clip(answer)}");
        var errors = JsonDocument.Parse(answer).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(named, out _), $"{endpoint} {field}={Clip(value)}: the answer names {string.Join(", ", errors.EnumerateObject().Select(p => p.Name))}, not {named}");
        Assert.Equal(before, await setup.ReadBack());
        if (setup.Client != admin)
        {
            setup.Client.Dispose();
        }
    }

    /// <summary>Table (or <c>dataset</c> for the manifest), column, bad value (JSON), and the text the problem must name.</summary>
    public static TheoryData<string, string, string, string> DatasetCells => new()
    {
        { "dataset", "reference_year", "1800", "reference_year" },
        { "dataset", "id", "\"bad park\"", "id" },
        { "zones", "id", "\"z 2\"", "id" },
        { "zones", "name", LongText, "name" },
        { "enterprises", "lat", "95", "lat" },
        { "enterprises", "id", "\"<img src=x onerror=alert(1)>\"", "id" },
        { "enterprises", "energy_tce", MaxDecimal, "energy_tce" },
        { "materials", "temperature_c", "5000", "temperature_c" },
        { "materials", "unit", "\"parsec\"", "unit" },
        { "flows", "quantity", "10000000001", "quantity" },
        { "flows", "quantity", "\"ten\"", "quantity" },
        { "flows", "material", "\"unobtainium\"", "material" },
        { "substitutions", "ratio", "5000", "ratio" },
        { "projects", "budget_10k_cny", "-1", "budget_10k_cny" },
        { "projects", "start", "\"2025-02-30\"", "start" },
        { "progress", "percent_complete", "150", "percent_complete" },
        { "programmes", "total", "\"many\"", "total" },
        { "programme_progress", "completed", "\"some\"", "completed" },
        { "heat_streams", "supply_temperature_c", "9999", "supply_temperature_c" },
        { "prices", "price_cny_per_unit", "\"cheap\"", "price_cny_per_unit" },
        { "balances", "scope", "\"everything\"", "scope" },
        { "balances", "id", "\"a|b\"", "id" },
    };

    [Theory]
    [MemberData(nameof(DatasetCells))]
    public async Task ADatasetWithABadCell_Is400NamingTheCell_AndLoadsNothing(string table, string column, string value, string named)
    {
        using var admin = await factory.AdminAsync();
        var parkId = $"corpus-{Guid.NewGuid():N}"[..20];
        var document = await NewParkAsync(admin, parkId);
        var row = table == "dataset" ? document : document[table]?.AsArray().FirstOrDefault()?.AsObject();
        Assert.True(row is not null, $"the exported park has no {table} row to spoil");
        row[column] = JsonNode.Parse(value);

        var response = await admin.PostAsync("/api/datasets", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{table}.{column}: {(int)response.StatusCode} {Clip(answer)}");
        var problems = JsonDocument.Parse(answer).RootElement.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error").ToList();
        Assert.NotEmpty(problems);
        Assert.True(problems.Any(p => Mentions(p, table, named)), $"{table}.{column}: no problem names it: {Clip(answer)}");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/parks/{parkId}/")).StatusCode);
        var parks = await admin.GetFromJsonAsync<JsonElement>("/api/parks");
        Assert.DoesNotContain(parks.EnumerateArray(), p => p.GetProperty("id").GetString() == parkId);
    }

    [Theory]
    [InlineData("flows", "quantity", "10000000001")]
    [InlineData("enterprises", "id", "\"<img src=x>\"")]
    public async Task ABadNextVersionOfALoadedPark_Is400_AndTheParkKeepsItsVersion(string table, string column, string value)
    {
        using var admin = await factory.AdminAsync();
        var document = JsonNode.Parse(await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!.AsObject();
        document[table]![0]![column] = JsonNode.Parse(value);
        var versions = await admin.GetStringAsync("/api/parks/linxiang/versions");
        var snapshot = (await admin.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/")).GetProperty("enterprises").GetInt32();

        var response = await admin.PostAsync("/api/datasets", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => Mentions(p, table, column));
        Assert.Equal(versions, await admin.GetStringAsync("/api/parks/linxiang/versions"));
        Assert.Equal(snapshot, (await admin.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/")).GetProperty("enterprises").GetInt32());
    }

    [Fact]
    public async Task TheCorpusDataset_Unspoilt_Loads()
    {
        // The control: every spoilt copy above failed for its bad cell, not for something else in the copy.
        using var admin = await factory.AdminAsync();
        var parkId = $"corpus-ok-{Guid.NewGuid():N}"[..20];
        var document = await NewParkAsync(admin, parkId);
        foreach (var table in DatasetCells.Select(c => (string)c[0]).Where(t => t != "dataset").Distinct())
        {
            Assert.True(document[table]?.AsArray().Count > 0, $"the exported park has no {table} rows");
        }

        var response = await admin.PostAsync("/api/datasets", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static bool Mentions(JsonElement problem, string table, string column)
    {
        var where = $"{problem.GetProperty("file").GetString()} {(problem.TryGetProperty("column", out var c) ? c.ToString() : string.Empty)} {problem.GetProperty("reason").GetString()}";
        return where.Contains(column, StringComparison.Ordinal) && (table == "dataset" || where.Contains(table, StringComparison.Ordinal));
    }

    /// <summary>The live Linxiang park as a new park, with a valid row in each table its export leaves empty.</summary>
    private static async Task<JsonObject> NewParkAsync(HttpClient admin, string parkId)
    {
        var json = await admin.GetStringAsync("/api/parks/linxiang/dataset?format=json");
        var document = DatasetCopy.AsNewPark(JsonNode.Parse(json)!, parkId).AsObject();
        var enterprise = document["enterprises"]![0]!["id"]!.GetValue<string>();
        var project = $"cq-project.{parkId}";
        Fill(document, "substitutions", new JsonObject { ["id"] = "cq-rule", ["source"] = "fly-ash", ["target"] = "clay", ["ratio"] = 1 });
        Fill(document, "projects", new JsonObject { ["id"] = project, ["enterprise"] = enterprise, ["type"] = "energy-saving", ["start"] = "2025-01-01", ["status"] = "in-progress" });
        Fill(document, "progress", new JsonObject { ["project"] = project, ["date"] = "2025-03-01", ["percent_complete"] = 10 });
        Fill(document, "programmes", new JsonObject { ["id"] = "cq-programme", ["name"] = "搬迁改造", ["total"] = 10 });
        Fill(document, "programme_progress", new JsonObject { ["programme"] = "cq-programme", ["date"] = "2025-01-01", ["completed"] = 1 });
        Fill(document, "prices", new JsonObject { ["material"] = "fly-ash", ["price_cny_per_unit"] = 20 });
        return document;
    }

    private static void Fill(JsonObject document, string table, JsonObject row)
    {
        if (document[table] is not JsonArray { Count: > 0 })
        {
            document[table] = new JsonArray(row);
        }
    }

    private sealed record Setup(HttpClient Client, string Path, JsonObject Body, Func<Task<string>> ReadBack);

    private async Task<Setup> SetUpAsync(string endpoint, HttpClient admin)
    {
        var accounts = factory.Services.GetRequiredService<AccountStore>();
        switch (endpoint)
        {
            case "offers":
            case "needs":
            {
                // Its own user per endpoint: the report rate limit counts refused requests too.
                var client = await factory.UserAsync($"corpus-{endpoint}", "enterprise", "ut-chp");
                var body = endpoint == "offers"
                    ? new JsonObject
                    {
                        ["material"] = "fly-ash", ["quantity"] = 100, ["unit"] = "t", ["period"] = "year", ["available_from"] = factory.Date(0),
                        ["available_to"] = factory.Date(180), ["quality_notes"] = "class II", ["price_cny_per_unit"] = 10, ["visibility"] = "park",
                    }
                    : new JsonObject { ["material"] = "clay", ["quantity"] = 100, ["unit"] = "t", ["period"] = "year", ["needed_by"] = factory.Date(180), ["notes"] = "dry" };
                return new Setup(client, $"/api/enterprises/ut-chp/{endpoint}", body, () => ReportsAsync(admin, "ut-chp"));
            }

            case "connections":
            {
                var client = await factory.UserAsync("corpus-connections", "enterprise", "ut-chp");
                return new Setup(client, "/api/enterprises/ut-chp/connections", new JsonObject { ["connection_id"] = "x" }, async () =>
                {
                    // A connection is stored in the grain of its pair; the one named above stays empty.
                    var grain = factory.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<ParkCycle.Grains.Abstractions.IConnectionGrain>("ut-chp-r1|bm-brick-r1");
                    return $"{await grain.GetAsync()}";
                });
            }

            case "accounts":
            {
                var username = $"corpus-account-{Guid.NewGuid():N}"[..30];
                var body = new JsonObject { ["username"] = username, ["password"] = "kiln-dust-cement-93", ["role"] = "enterprise", ["enterprise"] = "ut-chp" };
                return new Setup(admin, "/api/accounts", body, () =>
                {
                    var name = body["username"]?.GetValueKind() == JsonValueKind.String ? body["username"]!.GetValue<string>() : username;
                    var password = body["password"]?.GetValueKind() == JsonValueKind.String ? body["password"]!.GetValue<string>() : "kiln-dust-cement-93";
                    return Task.FromResult($"{accounts.Verify(name, password) is not null}|{accounts.Verify(username, "kiln-dust-cement-93") is not null}");
                });
            }

            case "token":
            {
                var anonymous = factory.CreateClient(new() { HandleCookies = false });
                var body = new JsonObject { ["username"] = "admin", ["password"] = ServerFactory.AdminPassword };
                // A refused login request stores nothing: no audit row, no failed-login count.
                return new Setup(anonymous, "/api/auth/token", body, () => Task.FromResult($"{accounts.ReadAudit(0, 1).FirstOrDefault()?.Id}"));
            }

            case "projects":
            {
                var body = new JsonObject
                {
                    ["id"] = $"corpus-{Guid.NewGuid():N}", ["enterprise"] = "ut-chp", ["type"] = "energy-saving", ["start"] = "2025-01-01", ["planned_end"] = "2025-12-31",
                    ["budget_10k_cny"] = 100, ["subsidy_10k_cny"] = 10,
                };
                return new Setup(admin, "/api/parks/linxiang/projects", body, async () =>
                {
                    var list = await admin.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/projects");
                    return string.Join(",", list.EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
                });
            }

            case "progress":
            {
                var id = $"corpus-{Guid.NewGuid():N}";
                var registered = await admin.PostAsJsonAsync("/api/parks/linxiang/projects", new { id, enterprise = "ut-chp", type = "energy-saving", start = "2025-01-01", planned_end = "2025-12-31" });
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
                var body = new JsonObject { ["percent_complete"] = 10, ["date"] = "2025-03-01", ["milestone"] = "contract", ["note"] = "on plan" };
                return new Setup(admin, $"/api/parks/linxiang/projects/{id}/progress", body, async () =>
                    (await admin.GetFromJsonAsync<JsonElement>($"/api/parks/linxiang/projects/{id}")).GetProperty("progress").GetRawText());
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "no such endpoint in the corpus");
        }
    }

    private static async Task<string> ReportsAsync(HttpClient admin, string enterprise) =>
        $"{(await admin.GetFromJsonAsync<JsonElement>($"/api/enterprises/{enterprise}/reports?history=true&page_size=1")).GetProperty("total").GetInt32()}";

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
