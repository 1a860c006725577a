using System.CommandLine;
using System.Globalization;
using ParkCycle.Domain.Model;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary>What the forecasting commands read alike: the <c>--as-of</c> option, dates, the dataset and its default date.</summary>
internal static class ForecastInputs
{
    public const string DefaultModel = "models/linxiang-remaining.zip";

    public static Option<string?> AsOf() => new("--as-of") { Description = "the date to stand on, YYYY-MM-DD (default: the dataset's latest progress report, else 31 December of its reference year)" };

    public static DateOnly? ParseDate(string? text, out string? error, string option = "--as-of")
    {
        error = null;
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        error = $"parkcycle: {option}: '{text}' is not a date in the form YYYY-MM-DD";
        return null;
    }

    /// <summary>Loads a dataset and the <c>--as-of</c> date, printing any problem; null when either is bad.</summary>
    public static (ParkDataset Park, DateOnly? AsOf)? LoadAt(string path, string? asOf)
    {
        var park = CommonOptions.LoadDataset(path, null);
        var date = ParseDate(asOf, out var error);
        if (park is null || error is not null)
        {
            Console.Error.WriteLine(error ?? string.Empty);
            return null;
        }

        return (park, date);
    }

    /// <summary>The date given, else the one default rule (<see cref="ForecastAsOf.Default"/>); null (and a message) when there is none.</summary>
    public static DateOnly? AsOfOrDefault(ParkDataset park, DateOnly? given)
    {
        if ((given ?? ForecastAsOf.Default(park)) is { } date)
        {
            return date;
        }

        Console.Error.WriteLine("parkcycle: the dataset has no progress reports and no reference year: give --as-of YYYY-MM-DD");
        return null;
    }

    /// <summary>Three cut-offs, six months apart, ending a year before the training date.</summary>
    public static IReadOnlyList<DateOnly> BacktestCutoffs(DateOnly asOf) =>
        [.. Enumerable.Range(0, 3).Select(i => new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-12 - (6 * (2 - i))).AddDays(-1))];
}
