namespace ParkCycle.Forecasting;

/// <summary>One programme's forecast (<c>parkcycle forecast programme</c>; JSON field names are a contract).</summary>
/// <param name="Total">How many items the programme lists.</param>
/// <param name="AsOf">The date stood on: only counts up to it are used.</param>
/// <param name="Forecast">Cumulative completions at each requested date, with the 80% band.</param>
/// <param name="Completion">When the total is reached.</param>
public sealed record ProgrammeForecast(string Id, int Total, DateOnly AsOf, IReadOnlyList<ProgrammePoint> Forecast, ProgrammeCompletion Completion);
