namespace ParkCycle.Forecasting;

/// <summary>The Superfund backtest: yearly completions predicted from what was known at the cut-off, against Kaplan–Meier and the record.</summary>
/// <param name="Coverage">Share of scored years whose actual count lies inside the calibrated 10–90% band (nominal 0.8).</param>
/// <param name="ModelCoverage">The same share for the uncalibrated Poisson-binomial band.</param>
/// <param name="Calibration">How the band was widened: the earlier origins and the errors they gave.</param>
public sealed record SuperfundBacktest(
    DateOnly AsOf,
    int SitesOpenAtCutoff,
    int TrainingSiteYears,
    IReadOnlyList<SuperfundYear> Years,
    double? MaeModel,
    double? MaeKm,
    string Method,
    double? Coverage,
    double? ModelCoverage,
    SuperfundCalibration Calibration);
