namespace ParkCycle.Forecasting;

/// <summary>A completion forecast for one unfinished project, with its 10th–90th percentile interval.</summary>
public sealed record CompletionForecast(string ProjectId, string Enterprise, string Type, DateOnly AsOf, decimal Percent, double RemainingMonths, DateOnly Predicted, DateOnly Low, DateOnly High, double SigmaLog);
