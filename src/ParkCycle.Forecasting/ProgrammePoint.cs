namespace ParkCycle.Forecasting;

/// <summary>A programme's forecast cumulative completions on one date (JSON field names are a contract).</summary>
/// <param name="Predicted">The median simulated count.</param>
/// <param name="Low">The 10th percentile (never below the count already reached).</param>
/// <param name="High">The 90th percentile (never above the programme's total).</param>
public sealed record ProgrammePoint(DateOnly Date, int Predicted, int Low, int High);
