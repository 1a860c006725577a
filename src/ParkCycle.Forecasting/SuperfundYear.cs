namespace ParkCycle.Forecasting;

/// <summary>One calendar year of the Superfund backtest (JSON field names are a contract).</summary>
/// <param name="Predicted">Expected completions in the year (sum over open sites of the hazard model's probability).</param>
/// <param name="Low">10th percentile of the calibrated band: the Poisson-binomial band widened by the conformal quantiles of the backtest's own errors.</param>
/// <param name="High">90th percentile of the calibrated band.</param>
/// <param name="BaselineKm">Kaplan–Meier baseline's expected completions.</param>
/// <param name="Actual">Completions the record shows, among the sites open at the cut-off (null beyond the record).</param>
/// <param name="ModelLow">10th percentile of the sites' chance variation alone (Poisson-binomial simulation), before calibration.</param>
/// <param name="ModelHigh">90th percentile of the chance variation alone, before calibration.</param>
public sealed record SuperfundYear(int Year, double Predicted, double Low, double High, double BaselineKm, int? Actual, double ModelLow, double ModelHigh);
