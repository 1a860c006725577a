using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ParkCycle.Server.Tests.Security;

/// <summary>
/// Issue #10 §3, §8, §9, §10: every bad request gets a precise 4xx naming its field and stores nothing; bodies,
/// archives, text and pages are bounded; responses carry the security headers.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BadRequestTests(ServerFactory factory)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private DateOnly Today => DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    private static HttpRequestMessage Post(string path, string json, string? key = null) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString("N") } },
    };

    private static ByteArrayContent Body(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    private static async Task<int> TotalAsync(HttpClient client, string enterprise) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/enterprises/{enterprise}/reports?history=true")).GetProperty("total").GetInt32();

    [Fact]
    public async Task BodyOverTheLimit_Is413_OnEveryWriteEndpoint_AndStoresNothing()
    {
        using var admin = await factory.AdminAsync();
        var before = await TotalAsync(admin, "ut-chp");
        var big = "{\"material\":\"" + new string('x', 70_000) + "\"}";

        foreach (var path in new[] { "/api/enterprises/ut-chp/offers", "/api/enterprises/ut-chp/needs", "/api/enterprises/ut-chp/connections", "/api/accounts", "/api/auth/token" })
        {
            var response = await admin.SendAsync(Post(path, big));
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{path}: {response.StatusCode}");
        }

        Assert.Equal(before, await TotalAsync(admin, "ut-chp"));
    }

    [Fact]
    public async Task A200MegabyteJsonDataset_Is413Not500()
    {
        using var admin = await factory.AdminAsync();
        // Announced by Content-Length: refused before a byte is read.
        var content = new StreamContent(new RepeatingStream(200L * 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = 200L * 1024 * 1024;

        var response = await admin.PostAsync("/api/datasets", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413()
    {
        using var admin = await factory.AdminAsync();
        var content = new StreamContent(new RepeatingStream(40L * 1024 * 1024)); // no length: streamed
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await admin.PostAsync("/api/datasets", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(100, 1024 * 1024, "entries")] // more entries than the limit
    [InlineData(3, 40 * 1024 * 1024, "entry")] // one entry decompresses past its limit
    [InlineData(5, 20 * 1024 * 1024, "in all")] // each within, together past the total
    public async Task ZipBomb_Is413_WithBoundedMemory(int entries, int entryBytes, string expected)
    {
        using var admin = await factory.AdminAsync();
        var bomb = Zip(entries > 90 ? 300 : entries, entryBytes);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var response = await admin.PostAsync("/api/datasets", Body(bomb, "application/zip"));
        var xlsx = await admin.PostAsync("/api/datasets", Body(bomb, Xlsx));

        var used = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, xlsx.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        // Unbounded, these archives decompress to 300 MiB–120 MiB, twice over; bounded, reading stops at the limit.
        Assert.True(used < 400L * 1024 * 1024, $"allocated {used / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task WorkbookWithADtd_Is400()
    {
        using var admin = await factory.AdminAsync();
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var types = zip.CreateEntry("[Content_Types].xml").Open();
            await types.WriteAsync(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&b;</Types>"));
        }

        var response = await admin.PostAsync("/api/datasets", Body(buffer.ToArray(), Xlsx));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).TryGetProperty("body", out _));
    }

    [Fact]
    public async Task UsernameWithControlCharacters_Is400_AndNoAccountIsCreated()
    {
        using var admin = await factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/accounts", new { username = "evil\u0000\u001b[2J", password = "a-long-enough-secret", role = "investment" });
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "evil\u0000\u001b[2J", password = "a-long-enough-secret" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).TryGetProperty("username", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Theory]
    [InlineData("        ")]
    [InlineData("            ")]
    [InlineData("short-pw")]
    [InlineData("password1234")]
    [InlineData("Qwertyuiop!!")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("123456789012")]
    public async Task WeakPassword_Is400NamingPassword(string password)
    {
        using var admin = await factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/accounts", new { username = "weak-user", password, role = "investment" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).TryGetProperty("password", out _));
    }

    [Fact]
    public async Task HugePage_Is400_NotAWrapToPageOne()
    {
        using var admin = await factory.AdminAsync();

        foreach (var path in new[] { "/api/audit?page=2147483647", "/api/parks/linxiang/enterprises?page=2147483647", "/api/enterprises/ut-chp/reports?page=2147483647", "/api/audit?page_size=0" })
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
        }

        var notANumber = await admin.GetAsync("/api/audit?page=99999999999");
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.True((await ErrorsAsync(notANumber)).TryGetProperty("page", out _));
    }

    [Fact]
    public async Task NotANumber_InTheBody_Is400NamingTheField()
    {
        using var admin = await factory.AdminAsync();
        var before = await TotalAsync(admin, "ut-chp");

        var response = await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", """{"material":"fly-ash","quantity":"ten","unit":"t"}"""));
        var broken = await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", """{"material":"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).TryGetProperty("quantity", out _));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(before, await TotalAsync(admin, "ut-chp"));
    }

    [Fact]
    public async Task IdempotencyKeyReusedWithADifferentBody_Is422_AndTheNewDataIsNotDropped()
    {
        using var admin = await factory.AdminAsync();
        var key = Guid.NewGuid().ToString("N");
        string Offer(int quantity) => $$"""{"material":"fly-ash","quantity":{{quantity}},"unit":"t","available_from":"{{Today:yyyy-MM-dd}}","available_to":"{{Today.AddMonths(3):yyyy-MM-dd}}"}""";

        var first = await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer(100), key));
        var same = await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer(100), key));
        var different = await admin.SendAsync(Post("/api/enterprises/ut-chp/offers", Offer(999), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
    }

    [Fact]
    public async Task OverlongNotes_Are400NamingTheField()
    {
        using var admin = await factory.AdminAsync();
        var json = $$"""{"material":"clay","quantity":5,"unit":"t","needed_by":"{{Today.AddMonths(3):yyyy-MM-dd}}","notes":"{{new string('n', 2_001)}}"}""";

        var response = await admin.SendAsync(Post("/api/enterprises/bm-brick/needs", json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).TryGetProperty("notes", out _));
    }

    [Fact]
    public async Task AnonymousPosts_AddNoAuditRows()
    {
        using var admin = await factory.AdminAsync();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?page_size=1")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var anonymous = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/enterprises/ut-chp/offers", new { material = "x" });
        }

        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?page_size=1")).GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/parks/linxiang/")]
    [InlineData("/api/auth/token")]
    public async Task Responses_CarryTheSecurityHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Logout_ClearsTheHttpOnlyCookie()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("parkcycle_token=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Zip(int entries, int entryBytes)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < entries; i++)
            {
                using var entry = zip.CreateEntry($"zeros-{i}.csv", CompressionLevel.SmallestSize).Open();
                for (var written = 0; written < entryBytes; written += zeros.Length)
                {
                    entry.Write(zeros, 0, Math.Min(zeros.Length, entryBytes - written));
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A long stream of one byte, generated as it is read (no 200 MB array in the test).</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Fill(buffer, (byte)' ', offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
