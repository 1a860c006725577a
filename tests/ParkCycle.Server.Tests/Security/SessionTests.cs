using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkCycle.Server.Tests.Security;

/// <summary>
/// Issue #10 §6: sessions end. A token carries its account's security stamp, checked on every request, so logout,
/// a password change and a role change end it; a write authorised by the session cookie alone needs the
/// anti-forgery header.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SessionTests(ServerFactory factory)
{
    private const string Password = "slag-cement-kiln-77";

    private async Task CreateAsync(string username, string role, string? enterprise = null, string password = Password)
    {
        using var admin = await factory.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/accounts", new { username, password, role, enterprise });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<string> TokenAsync(string username, string password = Password)
    {
        using var client = factory.CreateClient(new() { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task ADemotedAdministratorsOldToken_IsRefused_AndCannotCreateAdministrators()
    {
        await CreateAsync("stamp-demoted", "administrator");
        using var old = Bearer(await TokenAsync("stamp-demoted"));
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/audit")).StatusCode);

        await CreateAsync("stamp-demoted", "investment");

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/parks/linxiang/")).StatusCode);
        var create = await old.PostAsJsonAsync("/api/accounts", new { username = "stamp-usurper", password = Password, role = "administrator" });
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient(new() { HandleCookies = false }).PostAsJsonAsync("/api/auth/token", new { username = "stamp-usurper", password = Password })).StatusCode);
        using var fresh = Bearer(await TokenAsync("stamp-demoted"));
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/audit")).StatusCode); // an investment token now
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/parks/linxiang/analysis")).StatusCode);
    }

    [Fact]
    public async Task APasswordChange_EndsTheOldToken()
    {
        await CreateAsync("stamp-password", "enterprise", "bm-brick");
        using var old = Bearer(await TokenAsync("stamp-password"));
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);

        await CreateAsync("stamp-password", "enterprise", "bm-brick", "brick-clay-shale-88");

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);
        using var fresh = Bearer(await TokenAsync("stamp-password", "brick-clay-shale-88"));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);
    }

    [Fact]
    public async Task TheSameAccountWrittenAgain_KeepsItsSessions()
    {
        // As the bootstrap administrator is at every start: same password, role and enterprise.
        await CreateAsync("stamp-same", "enterprise", "bm-brick");
        using var old = Bearer(await TokenAsync("stamp-same"));

        await CreateAsync("stamp-same", "enterprise", "bm-brick");

        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheToken_ForBearerAndCookieAlike()
    {
        await CreateAsync("stamp-logout", "enterprise", "bm-brick");
        using var browser = factory.CreateClient(); // keeps the HttpOnly cookie, as a browser does
        var login = await browser.PostAsJsonAsync("/api/auth/token", new { username = "stamp-logout", password = Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var other = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode); // by the cookie
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);

        var logout = await other.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("parkcycle_token=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);
        // The browser still holds the cookie (it was another client that logged out): the token in it is dead too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/enterprises/bm-brick/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/orleans/")).StatusCode);
    }

    [Fact]
    public async Task ACookieAuthorisedWrite_NeedsTheAntiforgeryHeader()
    {
        await CreateAsync("stamp-cookie", "enterprise", "bm-brick");
        using var browser = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/token", new { username = "stamp-cookie", password = Password })).StatusCode);
        var before = await TotalReportsAsync(browser);

        var forged = await browser.SendAsync(Need(withHeader: false));
        var scripted = await browser.SendAsync(Need(withHeader: true));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("X-Requested-With", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, scripted.StatusCode);
        Assert.Equal(before + 1, await TotalReportsAsync(browser)); // the forged one stored nothing
        // A bearer header needs no anti-forgery header: a cross-site page cannot send one.
        using var bearer = Bearer(await TokenAsync("stamp-cookie"));
        Assert.Equal(HttpStatusCode.Created, (await bearer.SendAsync(Need(withHeader: false))).StatusCode);
    }

    private HttpRequestMessage Need(bool withHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/enterprises/bm-brick/needs")
        {
            Content = JsonContent.Create(new { material = "clay", quantity = 3, unit = "t", needed_by = factory.Date(60) }),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } },
        };
        if (withHeader)
        {
            request.Headers.Add("X-Requested-With", "parkcycle");
        }

        return request;
    }

    private static async Task<int> TotalReportsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/enterprises/bm-brick/reports?page_size=1")).GetProperty("total").GetInt32();
}
