using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkCycle.Server.Tests;

/// <summary>Problem titles follow <c>Accept-Language</c>: Chinese when it prefers Chinese, English otherwise; codes never change.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProblemTitlesTests(ServerFactory factory)
{
    [Theory]
    [InlineData("zh-CN", "未知园区「atlantis」")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "未知园区「atlantis」")]
    [InlineData("en", "unknown park 'atlantis'")]
    [InlineData("en-GB,zh;q=0.5", "unknown park 'atlantis'")]
    [InlineData(null, "unknown park 'atlantis'")]
    public async Task UnknownPark_TitleInTheLanguageAsked_StatusUnchanged(string? language, string expected)
    {
        using var admin = await factory.UserAsync("titles-admin-" + (language ?? "none").Replace(',', '-').Replace(';', '-').Replace('=', '-'), "administrator", null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parks/atlantis/analysis");
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ValidationProblem_InChinese_KeepsItsFieldNames()
    {
        using var investment = await factory.UserAsync("titles-investor", "investment", null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parks/linxiang/heat?dtmin=-3");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        var response = await investment.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求有误：请查看标出的字段", body.GetProperty("title").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("dtmin", out _));
    }

    [Fact]
    public async Task WrongPassword_InChinese()
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = "admin", password = "not-the-password" }) };
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("用户名或密码错误", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
