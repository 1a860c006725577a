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
        // A date of the seed's own record (its latest programme count is of 2024); the expected month-ends follow from it.
        var asOf = new DateOnly(2024, 9, 20);
        var result = CliRunner.Run("forecast", "programme", "seeds/linxiang", "--as-of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var dates = json.RootElement[0].GetProperty("forecast").EnumerateArray().Select(p => p.GetProperty("date").GetString()).ToList();
        static string MonthEnd(DateOnly d) => new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(24, dates.Count);
        // The next 24 month-ends: October 2024 … September 2026.
        Assert.Equal((MonthEnd(asOf.AddMonths(1)), MonthEnd(asOf.AddMonths(24))), (dates[0], dates[^1]));
    }

    [Fact]
    public void ForecastProgramme_BadAtDate_ExitsTwoNamingIt()
    {
        var result = CliRunner.Run("forecast", "programme", "seeds/linxiang", "--as-of", "2024-09-20", "--at", "2025-12-31,31/12/2026");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--at: '31/12/2026' is not a date in the form YYYY-MM-DD", result.Stderr, StringComparison.Ordinal);
    }
}
