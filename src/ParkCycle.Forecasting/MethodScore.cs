namespace ParkCycle.Forecasting;

/// <summary>One method's errors over a backtest: mean absolute error in months and 10–90% interval coverage.</summary>
public sealed record MethodScore(string Method, double MaeMonths, double? Coverage, int Forecasts);
