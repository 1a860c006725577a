using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Server.Tests;

/// <summary>
/// The server as a member of the PostgreSQL cluster (issue #16 §6): two servers, each co-hosting a silo, and one
/// plain silo, on loopback and the PostgreSQL of <c>deploy/postgres-up.sh</c> (<c>PARKCYCLE_TEST_POSTGRES</c>
/// overrides it). A report made through server A is read through server B; a dataset version imported through A
/// is served by B. A fresh cluster and service id per run keep it apart from every other test's rows. The silos
/// run on the system clock (cluster membership is timed by it); the dates posted are relative to it.
/// </summary>
public sealed class PostgresServerClusterTests : IAsyncLifetime
{
    private static readonly string Postgres =
        Environment.GetEnvironmentVariable("PARKCYCLE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=parkcycle;Password=parkcycle;Database=parkcycle;Timeout=5;Maximum Pool Size=20";

    private readonly string _dir = Directory.CreateTempSubdirectory("parkcycle-cluster-servers-").FullName;
    private readonly string _cluster = $"servers-{Guid.NewGuid():N}";
    private IHost? _silo;
    private ClusterServer? _a;
    private ClusterServer? _b;

    public async Task InitializeAsync()
    {
        // The plain silo seeds Linxiang; the servers join the cluster it forms.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Settings(_cluster, seeds: true));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseParkCycle(builder.Configuration));
        _silo = builder.Build();
        await _silo.StartAsync();
        _a = new ClusterServer(_cluster, _dir);
        _b = new ClusterServer(_cluster, _dir);
    }

    public async Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    [Fact]
    public async Task AReportThroughServerA_IsReadThroughServerB_AndAVersionImportedThroughA_IsServedByB()
    {
        using var adminA = await _a!.AdminAsync();
        using var adminB = await _b!.AdminAsync();
        await UntilAsync(async () => (await adminB.GetAsync("/api/parks/linxiang/")).StatusCode == HttpStatusCode.OK);

        // A report through A.
        var created = await adminA.PostAsJsonAsync("/api/accounts", new { username = "chp-cluster", password = "brick-kiln-ash-42", role = "enterprise", enterprise = "ut-chp" });
        created.EnsureSuccessStatusCode();
        using var chpA = await _a.ClientAsAsync("chp-cluster", "brick-kiln-ash-42");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        using var offer = new HttpRequestMessage(HttpMethod.Post, "/api/enterprises/ut-chp/offers")
        {
            Content = JsonContent.Create(new
            {
                material = "fly-ash", quantity = 1357, unit = "t", period = "year",
                available_from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                available_to = today.AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } },
        };
        var answer = await chpA.SendAsync(offer);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var reportId = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report_id").GetString();

        // Read through B.
        var reports = await adminB.GetFromJsonAsync<JsonElement>("/api/enterprises/ut-chp/reports?page_size=500");
        Assert.Contains(reports.GetProperty("items").EnumerateArray(), r => r.GetProperty("report_id").GetString() == reportId);

        // A version through A, served by B.
        var document = JsonNode.Parse(await adminA.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!;
        document["name"] = "临湘高新区（集群测试修订）";
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(document.ToJsonString()));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var imported = await adminA.PostAsync("/api/datasets", body);
        Assert.True(imported.StatusCode == HttpStatusCode.Created, $"{imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}");
        var version = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.True(version >= 2, $"the import made version {version}, not a next version");

        var versions = await adminB.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/versions");
        Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("version").GetInt32() == version);
        var served = JsonNode.Parse(await adminB.GetStringAsync($"/api/parks/linxiang/dataset?format=json&version={version}"))!;
        Assert.Equal("临湘高新区（集群测试修订）", served["name"]!.GetValue<string>());
    }

    private static Dictionary<string, string?> Settings(string cluster, bool seeds) => new()
    {
        ["ParkCycle:Store"] = "postgres",
        ["ParkCycle:Postgres"] = Postgres,
        ["ParkCycle:ClusterId"] = cluster,
        ["ParkCycle:ServiceId"] = cluster,
        ["ParkCycle:SiloPort"] = FreePort(),
        ["ParkCycle:GatewayPort"] = FreePort(),
        ["ParkCycle:SeedDataset"] = seeds ? "seeds/linxiang" : string.Empty,
        ["ParkCycle:AnalysisDebounceMs"] = "50",
    };

    private static string FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (!await done())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the cluster did not serve the seeded park in 90 s");
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        }
    }

    /// <summary>A server joining the cluster; both servers share one accounts store and signing key (one data folder).</summary>
    private sealed class ClusterServer(string cluster, string dir) : WebApplicationFactory<Program>
    {
        public const string AdminPassword = "test-admin-password";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in Settings(cluster, seeds: false))
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("ParkCycle:AccountsPath", Path.Combine(dir, "accounts.db"));
            builder.UseSetting("ParkCycle:Admin:Password", AdminPassword);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Orleans", "Error");
        }

        public async Task<HttpClient> ClientAsAsync(string username, string password)
        {
            var client = CreateClient();
            var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public Task<HttpClient> AdminAsync() => ClientAsAsync("admin", AdminPassword);
    }
}
