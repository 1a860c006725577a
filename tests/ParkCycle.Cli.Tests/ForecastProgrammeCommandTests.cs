using System.Text.Json;

namespace ParkCycle.Cli.Tests;

public sealed class ForecastProgrammeCommandTests
{
    [Fact]
    public void ForecastProgramme_Json_AnswersTheContractPerProgramme()
    {
        var result = CliRunner.Run("forecast", "programme", "seeds/linxiang", "--as-of", "2022-12-31", "--at", "2023-12-31,2025-12-31", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var yueyang = json.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "yueyang-riverside-chemical");
        Assert.Equal(35, yueyang.GetProperty("total").GetInt32());
        Assert.Equal("2022-12-31", yueyang.GetProperty("as_of").GetString());
        var points = yueyang.GetProperty("forecast").EnumerateArray().ToList();
        Assert.Equal(["2023-12-31", "2025-12-31"], points.Select(p => p.GetProperty("date").GetString()));
        foreach (var p in points)
        {
            var (low, predicted, high) = (p.GetProperty("low").GetInt32(), p.GetProperty("predicted").GetInt32(), p.GetProperty("high").GetInt32());
            Assert.True(20 <= low && low <= predicted && predicted <= high && high <= 35, p.ToString());
        }

        var completion = yueyang.GetProperty("completion");
        foreach (var q in new[] { "p10", "p50", "p90" })
        {
            Assert.True(completion.TryGetProperty(q, out _), $"completion lacks {q}");
        }
    }

    [Fact]
    public void ForecastProgramme_DefaultDates_AreTheNext24MonthEnds()
    {
        var result = CliRunner.Run("forecast", "programme", "seeds/linxiang", "--as-of", "2024-09-20", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var dates = json.RootElement[0].GetProperty("forecast").EnumerateArray().Select(p => p.GetProperty("date").GetString()).ToList();
        Assert.Equal(24, dates.Count);
        Assert.Equal(("2024-10-31", "2026-09-30"), (dates[0], dates[^1]));
    }

    [Fact]
    public void ForecastProgramme_BadAtDate_ExitsTwoNamingIt()
    {
        var result = CliRunner.Run("forecast", "programme", "seeds/linxiang", "--as-of", "2024-09-20", "--at", "2025-12-31,31/12/2026");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--at: '31/12/2026' is not a date in the form YYYY-MM-DD", result.Stderr, StringComparison.Ordinal);
    }
}
