using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkCycle.Server.Tests;

/// <summary>
/// Problem titles follow <c>Accept-Language</c>: English when it prefers English, Chinese otherwise (the default, also
/// with no header at all); codes, <c>type</c> and <c>errors</c> keys never change.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ProblemTitlesTests(ServerFactory factory)
{
    [Theory]
    [InlineData("zh-CN", "未知园区「atlantis」")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "未知园区「atlantis」")]
    [InlineData("en", "unknown park 'atlantis'")]
    [InlineData("en-GB,zh;q=0.5", "unknown park 'atlantis'")]
    [InlineData("en;q=0.4,zh-CN;q=0.9", "未知园区「atlantis」")]
    [InlineData("fr-FR", "未知园区「atlantis」")]
    [InlineData("*", "未知园区「atlantis」")]
    [InlineData(null, "未知园区「atlantis」")]
    public async Task UnknownPark_TitleInTheLanguageAsked_StatusAndTypeUnchanged(string? language, string expected)
    {
        using var admin = await factory.UserAsync("titles-admin-" + string.Concat((language ?? "none").Replace("*", "any", StringComparison.Ordinal).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')), "administrator", null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parks/atlantis/analysis");
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", body.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("zh-CN", "请求有误：请查看标出的字段")]
    [InlineData(null, "请求有误：请查看标出的字段")]
    [InlineData("en", "One or more validation errors occurred.")]
    public async Task ValidationProblem_InTheLanguageAsked_KeepsItsFieldNames(string? language, string expected)
    {
        using var investment = await factory.UserAsync("titles-investor-" + (language ?? "none"), "investment", null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parks/linxiang/heat?dtmin=-3");
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var response = await investment.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("title").GetString());
        Assert.Equal(["dtmin"], body.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    /// <summary>One failed login only: the throttle counts failures per address and the shared server's clock never moves.</summary>
    [Fact]
    public async Task WrongPassword_WithNoHeader_InChinese()
    {
        using var http = factory.CreateClient();

        var response = await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("用户名或密码错误", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
