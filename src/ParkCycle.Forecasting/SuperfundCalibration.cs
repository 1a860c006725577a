namespace ParkCycle.Forecasting;

/// <summary>
/// The band's calibration: at each earlier origin the hazard model, trained only on what was known then, forecast
/// the yearly completions up to the cut-off; the errors (actual − predicted) / √max(predicted, 1) are the conformal
/// scores whose 10th and 90th percentiles widen the band. Everything here is known at the cut-off.
/// </summary>
/// <param name="Origins">The earlier cut-offs (31 December of each year).</param>
/// <param name="Scores">How many (origin, year) errors were scored.</param>
/// <param name="Q10">The lower conformal quantile of the scaled errors.</param>
/// <param name="Q90">The upper conformal quantile of the scaled errors.</param>
public sealed record SuperfundCalibration(IReadOnlyList<DateOnly> Origins, int Scores, double Q10, double Q90);
