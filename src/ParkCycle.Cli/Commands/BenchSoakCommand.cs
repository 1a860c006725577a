using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle bench soak</c>: a bounded soak of a real server process (issue #10, "Done when"). It starts the
/// built server on a temporary data folder and free loopback ports, drives mixed reads, reports and one dataset
/// import at it for a fixed time, kills it with <c>kill -9</c> halfway and starts it again on the same files, then
/// reads every acknowledged report and the import back: <c>lost</c> must be 0. The peak resident memory of each
/// server process (<c>VmHWM</c>) is reported.
/// </summary>
internal static class BenchSoakCommand
{
    private const string AdminPassword = "soak-admin-password-91";

    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "the built server", DefaultValueFactory = _ => "src/ParkCycle.Server/bin/Release/net10.0/ParkCycle.Server.dll" };
        var seed = new Option<string>("--seed") { Description = "the dataset the server seeds", DefaultValueFactory = _ => "seeds/linxiang" };
        var seconds = new Option<int>("--seconds") { Description = "how long to drive load (the kill is halfway)", DefaultValueFactory = _ => 30 };
        var concurrency = new Option<int>("--concurrency") { Description = "requests in flight", DefaultValueFactory = _ => 8 };
        var json = CommonOptions.Json();
        var command = new Command("soak", "bounded soak of a server process: mixed load, one kill -9 and restart, acknowledged reports lost, peak memory")
        {
            server, seed, seconds, concurrency, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var dll = Path.GetFullPath(parse.GetValue(server)!);
            var seedPath = Path.GetFullPath(parse.GetValue(seed)!);
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds));
            if (!File.Exists(dll) || !Directory.Exists(seedPath) || duration <= TimeSpan.Zero || parse.GetValue(concurrency) < 1)
            {
                Console.Error.WriteLine($"parkcycle: bench soak needs the built server ({dll}: dotnet build src/ParkCycle.Server -c Release), the seed folder ({seedPath}), --seconds > 0 and --concurrency > 0");
                return ExitCodes.Usage;
            }

            var data = Directory.CreateTempSubdirectory("parkcycle-soak-").FullName;
            var soak = new Soak(dll, seedPath, data);
            try
            {
                var result = await soak.RunAsync(duration, parse.GetValue(concurrency), cancellation);
                if (parse.GetValue(json))
                {
                    CommonOptions.WriteJson(result);
                }
                else
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"soak {result.Seconds} s, 1 kill -9 (ready again in {result.RestartSeconds} s): reads {result.Reads} ({result.ReadErrors} failed), reports acknowledged {result.ReportsAcknowledged} ({result.ReportErrors} refused), {result.Unanswered} unanswered while down, imports {result.ImportsAcknowledged}; lost {result.LostReports} reports, {result.LostImports} imports; peak RSS {result.PeakRssMb} MB (after start {result.RssAfterStartMb} MB)"));
                }

                return result.LostReports + result.LostImports == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
            }
            finally
            {
                soak.Stop();
                try
                {
                    Directory.Delete(data, recursive: true);
                }
                catch (IOException)
                {
                    // a temp folder left behind is harmless
                }
            }
        });
        return command;
    }

    /// <summary>What a soak measured (JSON in snake_case).</summary>
    /// <param name="ReadErrors">Reads answered with an error status.</param>
    /// <param name="ReportErrors">Reports answered with anything but 201.</param>
    /// <param name="Unanswered">Requests that got no answer (the server was down or restarting): never acknowledged.</param>
    internal sealed record SoakResult(
        double Seconds, int Reads, int ReadErrors, int ReportsAcknowledged, int ReportErrors, int Unanswered, int ImportsAcknowledged,
        int LostReports, int LostImports, double RestartSeconds, double PeakRssMb, double RssAfterStartMb);

    private sealed class Soak(string dll, string seed, string data)
    {
        private readonly int _port = FreePort();
        private readonly int _siloPort = FreePort();
        private readonly int _gatewayPort = FreePort();
        private readonly List<(string Enterprise, string ReportId)> _acknowledged = [];
        private readonly List<string> _imports = [];
        private Process? _process;
        private long _peakKb;
        private int _reads;
        private int _readErrors;
        private int _reportErrors;
        private int _unanswered;

        private Uri BaseUri => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_port}"));

        public async Task<SoakResult> RunAsync(TimeSpan duration, int concurrency, CancellationToken cancellation)
        {
            using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(15) };
            await StartAsync(http, cancellation);
            var afterStartKb = Rss("VmRSS");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, cancellation));
            var members = (await http.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/enterprises?page_size=500", cancellation)).GetProperty("items")
                .EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

            var clock = Stopwatch.StartNew();
            var restart = TimeSpan.Zero;
            var load = Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => WorkAsync(http, members, today, worker, duration, clock, cancellation)));
            var chaos = Task.Run(async () =>
            {
                await Task.Delay(duration / 4, TimeProvider.System, cancellation);
                await ImportAsync(http, cancellation);
                await Task.Delay(duration / 4, TimeProvider.System, cancellation);
                // kill -9 under load: no shutdown, no flush; what was acknowledged must already be on disk.
                Sample();
                _process!.Kill();
                await _process.WaitForExitAsync(cancellation);
                var down = Stopwatch.StartNew();
                await StartAsync(http, cancellation);
                restart = down.Elapsed;
            }, cancellation);
            await Task.WhenAll(load, chaos);
            var elapsed = clock.Elapsed;
            Sample();

            // Read back through the restarted server: every acknowledged report and the import.
            var stored = new HashSet<string>(StringComparer.Ordinal);
            foreach (var enterprise in _acknowledged.Select(a => a.Enterprise).Distinct(StringComparer.Ordinal))
            {
                for (var page = 1; ; page++)
                {
                    var body = await http.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture, $"/api/enterprises/{enterprise}/reports?page={page}&page_size=500"), cancellation);
                    var items = body.GetProperty("items").EnumerateArray().ToList();
                    stored.UnionWith(items.Select(r => r.GetProperty("report_id").GetString()!));
                    if (items.Count < 500)
                    {
                        break;
                    }
                }
            }

            var lostImports = 0;
            foreach (var park in _imports)
            {
                lostImports += (await http.GetAsync($"/api/parks/{park}/", cancellation)).StatusCode == HttpStatusCode.OK ? 0 : 1;
            }

            return new SoakResult(Math.Round(elapsed.TotalSeconds, 1), _reads, _readErrors, _acknowledged.Count, _reportErrors, _unanswered, _imports.Count,
                _acknowledged.Count(a => !stored.Contains(a.ReportId)), lostImports, Math.Round(restart.TotalSeconds, 1), Math.Round(_peakKb / 1024.0, 1), Math.Round(afterStartKb / 1024.0, 1));
        }

        /// <summary>One client: three reads for every report, until the time is up; failures while the server is down are counted, not retried.</summary>
        private async Task WorkAsync(HttpClient http, IReadOnlyList<string> members, DateOnly today, int worker, TimeSpan duration, Stopwatch clock, CancellationToken cancellation)
        {
            string[] materials = ["fly-ash", "boiler-slag", "construction-waste", "straw", "rice-husk", "tea-residue"];
            for (var i = worker; clock.Elapsed < duration; i += 7)
            {
                var enterprise = members[i % members.Count];
                try
                {
                    if (i % 4 != 0)
                    {
                        string[] reads = ["/api/parks/linxiang/", "/api/parks/linxiang/analysis", $"/api/enterprises/{enterprise}/reports?page_size=20", "/api/parks/linxiang/materials"];
                        using var read = await http.GetAsync(reads[i % reads.Length], cancellation);
                        Interlocked.Increment(ref _reads);
                        if (!read.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref _readErrors);
                        }

                        continue;
                    }

                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enterprises/{enterprise}/offers")
                    {
                        Content = JsonContent.Create(new
                        {
                            material = materials[i % materials.Length], quantity = 10 + (i % 50), unit = "t", period = "month",
                            available_from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), available_to = today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        }),
                    };
                    request.Headers.Add("Idempotency-Key", $"soak-{Guid.NewGuid():N}");
                    using var response = await http.SendAsync(request, cancellation);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("report_id").GetString()!;
                        lock (_acknowledged)
                        {
                            _acknowledged.Add((enterprise, id));
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref _reportErrors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
                {
                    // The server is down (killed) or restarting: the request was never acknowledged.
                    Interlocked.Increment(ref _unanswered);

                    await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellation);
                }
            }
        }

        /// <summary>A small new park (two enterprises, one flow) imported as a JSON document; acknowledged on 201.</summary>
        private async Task ImportAsync(HttpClient http, CancellationToken cancellation)
        {
            var park = $"soak-{Guid.NewGuid():N}"[..13];
            var document = new JsonObject
            {
                ["id"] = park,
                ["name"] = "Soak park",
                ["zones"] = new JsonArray(new JsonObject { ["id"] = "z1", ["name"] = "一区" }),
                ["enterprises"] = new JsonArray(
                    new JsonObject { ["id"] = $"{park}-a", ["name"] = "甲厂", ["zone"] = "z1", ["chains"] = new JsonArray("other"), ["status"] = "operating" },
                    new JsonObject { ["id"] = $"{park}-b", ["name"] = "乙厂", ["zone"] = "z1", ["chains"] = new JsonArray("other"), ["status"] = "operating" }),
                ["flows"] = new JsonArray(new JsonObject { ["id"] = "f1", ["from"] = $"{park}-a", ["to"] = $"{park}-b", ["material"] = "fly-ash", ["quantity"] = 100, ["unit"] = "t" }),
            };
            try
            {
                using var response = await http.PostAsync("/api/datasets", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), cancellation);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    _imports.Add(park);
                }
                else
                {
                    Console.Error.WriteLine($"parkcycle: bench soak: the import was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellation)}");
                }
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"parkcycle: bench soak: the import failed: {ex.Message}");
            }
        }

        private async Task StartAsync(HttpClient http, CancellationToken cancellation)
        {
            var info = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = BaseUri.ToString().TrimEnd('/'),
                ["ParkCycle__ParkId"] = "linxiang",
                ["ParkCycle__SeedDataset"] = seed,
                ["ParkCycle__SqlitePath"] = Path.Combine(data, "parkcycle.db"),
                ["ParkCycle__AccountsPath"] = Path.Combine(data, "accounts.db"),
                ["ParkCycle__Admin__Username"] = "admin",
                ["ParkCycle__Admin__Password"] = AdminPassword,
                ["ParkCycle__SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
                ["ParkCycle__GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
                ["ParkCycle__ReportRateLimit"] = "100000000",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            var model = Path.GetFullPath(Path.Combine(seed, "..", "..", "models", "linxiang-remaining.zip"));
            if (File.Exists(model))
            {
                settings["ParkCycle__Model"] = model;
            }

            foreach (var (name, value) in settings)
            {
                info.Environment[name] = value;
            }

            _process = Process.Start(info) ?? throw new InvalidOperationException("the server did not start");
            // Drained, never shown: a full pipe would block the server.
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase))
                {
                    Console.Error.WriteLine($"server: {line}");
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the server exited with {_process.ExitCode} before it was ready");
                }

                try
                {
                    using var ready = await http.GetAsync("/health/ready", cancellation);
                    if (ready.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
                {
                    // not listening yet
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellation);
            }

            throw new TimeoutException("the server was not ready within 3 minutes");
        }

        private static async Task<string> TokenAsync(HttpClient http, CancellationToken cancellation)
        {
            using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = AdminPassword }, cancellation);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("access_token").GetString()!;
        }

        /// <summary>Records the running server's peak resident set so far (VmHWM: the kernel keeps the high-water mark).</summary>
        private void Sample() => _peakKb = Math.Max(_peakKb, Rss("VmHWM"));

        private long Rss(string field)
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process!.Id}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0; // not Linux, or the process is gone
            }
        }

        public void Stop()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
