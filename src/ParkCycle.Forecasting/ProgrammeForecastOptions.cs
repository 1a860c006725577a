namespace ParkCycle.Forecasting;

/// <summary>Settings of <see cref="ProgrammeForecaster"/>; every default says where it comes from.</summary>
public sealed record ProgrammeForecastOptions
{
    /// <summary>Simulated futures per programme. The default is 2,000.</summary>
    public int Simulations { get; init; } = 2000;

    /// <summary>Random seed: the same inputs and seed give the same forecast. The default is 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// How far the yearly completion hazard wanders: the standard deviation of its logarithm after one year
    /// (a random walk). Estimate: the smallest value whose 80% band held close to 80% of the later year-end
    /// counts in the rolling-origin backtest on Superfund NPL listing cohorts 1983–1995 (0.45: 69%, 0.6: 77%,
    /// 0.65: 82%; `parkcycle backtest programmes`); on the held-out cohorts 1996–2012 it holds about 90%.
    /// The default is 0.6.
    /// </summary>
    public double HazardDriftPerYear { get; init; } = 0.6;

    /// <summary>
    /// The prior mean of the yearly hazard (share of the remaining items completed per year). Estimate: a programme
    /// of a few years (the Yangtze relocation programmes ran 2017–2025). The default is 0.2.
    /// </summary>
    public double PriorHazard { get; init; } = 0.2;

    /// <summary>The prior's weight in item-years per listed item (0.25: a quarter of a year of the whole list). The default is 0.25.</summary>
    public double PriorWeightYears { get; init; } = 0.25;

    /// <summary>How many years after the as-of date the completion date is looked for; beyond it, null. The default is 10.</summary>
    public int CompletionHorizonYears { get; init; } = 10;
}
