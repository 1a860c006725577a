namespace ParkCycle.Graph;

/// <summary>Options for a full analysis.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Limits of the loop search (longest cycle, most cycles listed).</summary>
    public LoopOptions Loops { get; init; } = new();

    /// <summary>Prices, distances and scale limits used to match offers with needs and value the exchanges.</summary>
    public MatchOptions Matching { get; init; } = new();

    /// <summary>Relative imbalance (|in − out| / max) above which a balance is flagged. The default value is 0.3.</summary>
    public decimal BalanceTolerance { get; init; } = 0.3m;

    /// <summary>Chain templates and indicator definitions. The default value is the catalogue's.</summary>
    public AnalysisKnowledge? Knowledge { get; init; }

    /// <summary>Coefficients of the energy and carbon accounts (generation coal rate, grid and heat factors). The default value is the national defaults.</summary>
    public AccountingOptions Accounting { get; init; } = new();

    /// <summary>ΔTmin, carrier and sweep of the heat-integration targets (when the park has heat streams). The default value is ΔTmin 10 °C and the hot-water loop.</summary>
    public HeatIntegration.ParkHeatOptions Heat { get; init; } = new();
}
