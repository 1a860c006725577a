namespace ParkCycle.Forecasting;

/// <summary>How the programme forecaster did on recorded series: band coverage (nominal 0.8), error and width.</summary>
/// <param name="Series">How many programmes were backtested.</param>
/// <param name="Forecasts">How many (origin, later count) pairs were scored.</param>
/// <param name="Coverage">Share of the later counts inside the 80% band [low, high].</param>
/// <param name="MeanAbsoluteError">Mean |predicted − actual| in items.</param>
/// <param name="MeanAbsoluteShareError">Mean |predicted − actual| as a share of each programme's total.</param>
/// <param name="MeanBandWidthShare">Mean (high − low) as a share of each programme's total.</param>
public sealed record ProgrammeBacktestReport(int Series, int Forecasts, double Coverage, double MeanAbsoluteError, double MeanAbsoluteShareError, double MeanBandWidthShare);
