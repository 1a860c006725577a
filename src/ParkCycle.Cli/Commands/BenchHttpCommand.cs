using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle bench http</c>: a bounded load test of a running server on loopback — a fixed number of read
/// requests and report submissions (and a time cap), with read latency percentiles and report throughput.
/// </summary>
internal static class BenchHttpCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "the server (loopback only)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var password = new Option<string>("--admin-password") { Description = "the administrator's password", DefaultValueFactory = _ => "parkcycle-admin" };
        var reads = new Option<int>("--reads") { Description = "read requests to send", DefaultValueFactory = _ => 3000 };
        var reports = new Option<int>("--reports") { Description = "report submissions to send", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "requests in flight", DefaultValueFactory = _ => 32 };
        var seconds = new Option<int>("--max-seconds") { Description = "stop each phase after this long", DefaultValueFactory = _ => 60 };
        var json = CommonOptions.Json();
        var command = new Command("http", "bounded load test of a running ParkCycle server on loopback") { url, password, reads, reports, concurrency, seconds, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var baseUri = new Uri(parse.GetValue(url)!);
            if (!baseUri.IsLoopback)
            {
                Console.Error.WriteLine("parkcycle: bench http only targets loopback addresses");
                return ExitCodes.Usage;
            }

            using var http = new HttpClient { BaseAddress = baseUri };
            var token = await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = parse.GetValue(password) }, cancellation);
            if (!token.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"parkcycle: cannot log in as admin at {baseUri}: {(int)token.StatusCode}");
                return ExitCodes.InvalidInput;
            }

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("access_token").GetString());
            var members = (await http.GetFromJsonAsync<JsonElement>("/api/parks/linxiang/enterprises?page_size=500", cancellation)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
            string[] readPaths = ["/api/parks/linxiang/", "/api/parks/linxiang/analysis", .. members.Take(20).Select(m => $"/api/enterprises/{m}/reports")];
            var limit = TimeSpan.FromSeconds(parse.GetValue(seconds));

            var (readLatencies, readErrors, readElapsed) = await RunAsync(parse.GetValue(reads), parse.GetValue(concurrency), limit, i => http.GetAsync(readPaths[i % readPaths.Length], cancellation));
            var materials = new[] { "fly-ash", "boiler-slag", "construction-waste", "straw", "rice-husk", "tea-residue" };
            var (reportLatencies, reportErrors, reportElapsed) = await RunAsync(parse.GetValue(reports), parse.GetValue(concurrency), limit, i =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enterprises/{members[i % members.Count]}/offers")
                {
                    Content = JsonContent.Create(new { material = materials[i % materials.Length], quantity = 10 + (i % 50), unit = "t", period = "month", available_from = "2026-12-01", available_to = "2028-12-01" }),
                };
                request.Headers.Add("Idempotency-Key", $"load-{Guid.NewGuid():N}");
                return http.SendAsync(request, cancellation);
            });

            var result = new
            {
                reads = readLatencies.Count,
                read_errors = readErrors,
                read_p50_ms = Percentile(readLatencies, 0.50),
                read_p99_ms = Percentile(readLatencies, 0.99),
                read_per_s = Math.Round(readLatencies.Count / readElapsed, 1),
                reports = reportLatencies.Count,
                report_errors = reportErrors,
                reports_per_s = Math.Round((reportLatencies.Count - reportErrors) / reportElapsed, 1),
                report_p99_ms = Percentile(reportLatencies, 0.99),
            };
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(result);
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"reads: {result.reads} ({result.read_errors} errors), {result.read_per_s}/s, p50 {result.read_p50_ms} ms, p99 {result.read_p99_ms} ms; reports: {result.reports} ({result.report_errors} errors), {result.reports_per_s} accepted/s, p99 {result.report_p99_ms} ms"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<(List<double> Latencies, int Errors, double Seconds)> RunAsync(int count, int concurrency, TimeSpan limit, Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new List<double>(count);
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < limit)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }

                var t0 = Stopwatch.GetTimestamp();
                using var response = await send(i);
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    errors += response.IsSuccessStatusCode ? 0 : 1;
                }
            }
        }));
        return (latencies, errors, clock.Elapsed.TotalSeconds);
    }

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))], 2);
    }
}
