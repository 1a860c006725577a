namespace ParkCycle.Forecasting;

/// <summary>A rolling-origin backtest: per cut-off and overall, the model against the baselines, computed in one run.</summary>
public sealed record BacktestReport(IReadOnlyList<DateOnly> Cutoffs, IReadOnlyList<MethodScore> Scores, string Best, bool ModelBeatsBestBaseline, int Censored);
