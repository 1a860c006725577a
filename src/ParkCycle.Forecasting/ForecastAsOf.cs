using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>The one rule for the date a forecast stands on when none is given.</summary>
public static class ForecastAsOf
{
    /// <summary>
    /// The dataset's latest progress report; with none, 31 December of its reference year; with neither, null
    /// (the caller must be given a date). Never today's date: a forecast is reproducible from its data.
    /// </summary>
    public static DateOnly? Default(ParkDataset park) =>
        park.Progress.Count > 0 ? park.Progress.Max(p => p.Date)
        : park.Manifest.ReferenceYear is { } year ? new DateOnly(year, 12, 31)
        : null;
}
