using System.CommandLine;
using System.Globalization;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle forecast programme &lt;dataset&gt; --as-of DATE [--at DATE,…] [--json]</c>: programmes known as counts.</summary>
internal static class ForecastProgrammeCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var asOf = new Option<string>("--as-of") { Description = "the date to stand on, YYYY-MM-DD: only counts up to it are used", Required = true };
        var at = new Option<string?>("--at") { Description = "the dates to forecast, YYYY-MM-DD,… (default: the next 24 month-ends)" };
        var json = CommonOptions.Json();
        var command = new Command("programme", "forecast the cumulative completions of programmes known as counts (programmes.csv, programme_progress.csv), with an 80% band and when the total is reached") { dataset, asOf, at, json };
        command.SetAction(parse =>
        {
            var date = ForecastInputs.ParseDate(parse.GetValue(asOf), out var error);
            var dates = Dates(parse.GetValue(at), ref error);
            if (error is not null || date is null)
            {
                Console.Error.WriteLine(error);
                return ExitCodes.Usage;
            }

            if (CommonOptions.LoadDataset(parse.GetValue(dataset)!, null) is not { } park)
            {
                return ExitCodes.InvalidInput;
            }

            if (park.Programmes.Count == 0)
            {
                Console.Error.WriteLine("parkcycle: the dataset has no programmes (programmes.csv)");
                return ExitCodes.InvalidInput;
            }

            var forecasts = ProgrammeForecaster.ForecastAll(park, date.Value, dates);
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(forecasts);
                return ExitCodes.Ok;
            }

            var inv = CultureInfo.InvariantCulture;
            foreach (var f in forecasts)
            {
                var p = park.Programmes.Single(x => x.Id == f.Id);
                Console.Out.WriteLine(string.Create(inv, $"{f.Id}: {p.Name} — {f.Total} listed{(p.Due is { } due ? $", due {due:yyyy-MM-dd}" : string.Empty)}; as of {f.AsOf:yyyy-MM-dd}"));
                Console.Out.WriteLine($"  {"date",-12}{"predicted",10}{"10–90%",12}");
                foreach (var point in f.Forecast)
                {
                    Console.Out.WriteLine(string.Create(inv, $"  {point.Date:yyyy-MM-dd}  {point.Predicted,10}{$"{point.Low}–{point.High}",12}"));
                }

                static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "beyond the horizon";
                Console.Out.WriteLine($"  total reached: p10 {D(f.Completion.P10)}, p50 {D(f.Completion.P50)}, p90 {D(f.Completion.P90)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The <c>--at</c> list; null when absent (the default month-ends), an error naming the bad date otherwise.</summary>
    private static List<DateOnly>? Dates(string? text, ref string? error)
    {
        if (text is null || error is not null)
        {
            return null;
        }

        var dates = new List<DateOnly>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ForecastInputs.ParseDate(part, out error, "--at") is not { } d)
            {
                return null;
            }

            dates.Add(d);
        }

        if (dates.Count == 0)
        {
            error = "parkcycle: --at: give at least one date YYYY-MM-DD";
        }

        return dates;
    }
}
