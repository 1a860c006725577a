using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ParkCycle.Server.Tests;

/// <summary>
/// The real host (co-hosted silo on a temp SQLite file, seeded Linxiang) behind WebApplicationFactory, on a fake
/// clock that stands still at <see cref="Start"/>: dates in the tests are relative to it, never to today.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parkcycle-server-").FullName;

    public const string AdminPassword = "test-admin-password";

    /// <summary>The host's "now". Tests sharing this server never advance it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The host's clock (API, tokens, grains).</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The host's today plus <paramref name="days"/>, as the API writes dates (yyyy-MM-dd).</summary>
    public string Date(int days) => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ParkCycle:SqlitePath", Path.Combine(_dir, "grains.db"));
        builder.UseSetting("ParkCycle:AccountsPath", Path.Combine(_dir, "accounts.db"));
        builder.UseSetting("ParkCycle:Admin:Password", AdminPassword);
        // Free loopback ports, so concurrent runs on one machine never share a silo.
        builder.UseSetting("ParkCycle:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ParkCycle:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ParkCycle:ReportRateLimit", "40");
        builder.UseSetting("ParkCycle:AnalysisDebounceMs", "50");
        // Only what matters when a test fails: warnings and errors, none of Orleans' own unless it is an error.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Orleans", "Error");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task<HttpClient> ClientAsAsync(string username, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task<HttpClient> AdminAsync() => ClientAsAsync("admin", AdminPassword);

    /// <summary>Creates (or replaces) an account through the API as the administrator.</summary>
    public async Task<HttpClient> UserAsync(string username, string role, string? enterprise = null)
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/accounts", new { username, password = "brick-kiln-ash-42", role, enterprise });
        response.EnsureSuccessStatusCode();
        return await ClientAsAsync(username, "brick-kiln-ash-42");
    }

    /// <summary>
    /// A report answer's matches with what each handle stands for, read from the enterprise's handle grain (white
    /// box: the API never tells an enterprise this before consent).
    /// </summary>
    public async Task<IReadOnlyList<(System.Text.Json.JsonElement View, ParkCycle.Grains.Abstractions.MatchPair Pair)>> MatchesOfAsync(string enterprise, System.Text.Json.JsonElement answer)
    {
        var handles = Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<ParkCycle.Grains.Abstractions.IMatchHandlesGrain>(enterprise);
        var list = new List<(System.Text.Json.JsonElement, ParkCycle.Grains.Abstractions.MatchPair)>();
        foreach (var view in answer.GetProperty("matches").EnumerateArray())
        {
            list.Add((view, await handles.ResolveAsync(view.GetProperty("connection_id").GetString()!) ?? throw new InvalidOperationException("a handle the enterprise's grain does not know")));
        }

        return list;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}

/// <summary>One server for all API tests: its silo owns fixed ports, so two must never run at once.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFactory>
{
    public const string Name = "server";
}
