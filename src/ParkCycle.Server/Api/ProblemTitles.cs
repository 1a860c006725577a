using System.Text.RegularExpressions;

namespace ParkCycle.Server.Api;

/// <summary>
/// The human-readable <c>title</c> of the common problems in Chinese unless the request's <c>Accept-Language</c>
/// prefers English: zh-CN is the product's default language (issue #17), so a caller that sends no header (curl, a
/// script) reads Chinese, and one that asks for <c>en</c> (the dashboard after its switch) reads English. Status codes,
/// <c>type</c>, field names and <c>errors</c> keys stay as they are, so clients keep matching on codes. A title with no
/// translation stays English.
/// </summary>
internal static partial class ProblemTitles
{
    private static readonly (Regex Pattern, string Chinese)[] Known =
    [
        (UnknownPark(), "未知园区「$1」"),
        (WrongPassword(), "用户名或密码错误"),
        (NoHeatStreams(), "园区「$1」没有热物流（heat_streams.csv）"),
        (NoForecast(), "园区「$1」没有改造进度预测：没有改造项目，或缺少训练好的模型"),
        (NoVersion(), "园区「$1」没有第 $2 版数据集（已有版本：$3）"),
        (Validation(), "请求有误：请查看标出的字段"),
        (DatasetErrors(), "数据集有错误，未保存任何内容"),
        (ReusedIds(), "园区「$1」使用了属于其他园区的编号，请改名"),
    ];

    // The framework's default titles (the reason phrases) by status.
    private static readonly Dictionary<int, string> ByStatus = new()
    {
        [400] = "请求有误", [401] = "需要登录", [403] = "无权访问", [404] = "未找到", [405] = "不支持该请求方法", [409] = "与现有数据冲突",
        [413] = "请求内容过大", [415] = "不支持的内容类型", [429] = "请求过于频繁，请稍后再试", [500] = "服务器内部错误", [503] = "服务暂不可用",
    };

    /// <summary>Translates the problem's title in place unless the caller prefers English.</summary>
    public static void Localise(ProblemDetailsContext context)
    {
        if (PrefersEnglish(context.HttpContext.Request.Headers.AcceptLanguage.ToString()) || context.ProblemDetails.Title is not { } title)
        {
            return;
        }

        foreach (var (pattern, chinese) in Known)
        {
            if (pattern.IsMatch(title))
            {
                context.ProblemDetails.Title = pattern.Replace(title, chinese);
                return;
            }
        }

        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        if (ByStatus.TryGetValue(status, out var byStatus) && string.Equals(title, ReasonPhrase(status), StringComparison.OrdinalIgnoreCase))
        {
            context.ProblemDetails.Title = byStatus;
        }
    }

    /// <summary>
    /// True when the highest-weighted language of the header is English (en, en-GB, …). An absent or empty header, a
    /// wildcard or any other language gets the default, Chinese: there is no third catalogue to fall back to.
    /// </summary>
    internal static bool PrefersEnglish(string acceptLanguage)
    {
        string? best = null;
        var weight = -1.0;
        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var q = 1.0;
            foreach (var p in pieces.Skip(1))
            {
                if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase) && double.TryParse(p[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                {
                    q = v;
                }
            }

            if (q > weight)
            {
                (best, weight) = (pieces[0], q);
            }
        }

        return best is not null && (best.Equals("en", StringComparison.OrdinalIgnoreCase) || best.StartsWith("en-", StringComparison.OrdinalIgnoreCase));
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    [GeneratedRegex(@"^unknown park '(.*)'$")]
    private static partial Regex UnknownPark();

    [GeneratedRegex(@"^wrong username or password$")]
    private static partial Regex WrongPassword();

    [GeneratedRegex(@"^park '(.*)' has no heat streams \(heat_streams\.csv\)$")]
    private static partial Regex NoHeatStreams();

    [GeneratedRegex(@"^no forecast for park '(.*)': .*$")]
    private static partial Regex NoForecast();

    [GeneratedRegex(@"^park '(.*)' has no dataset version (\d+) \(versions: (.*)\)$")]
    private static partial Regex NoVersion();

    [GeneratedRegex(@"^the dataset has errors; nothing was stored$")]
    private static partial Regex DatasetErrors();

    [GeneratedRegex(@"^park '(.*)' reuses ids that belong to another park; rename them$")]
    private static partial Regex ReusedIds();

    [GeneratedRegex(@"^One or more validation errors occurred\.?$")]
    private static partial Regex Validation();
}
