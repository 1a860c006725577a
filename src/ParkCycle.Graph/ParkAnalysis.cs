namespace ParkCycle.Graph;

/// <summary>Everything the engine finds in one park; immutable, cached per snapshot by the live park.</summary>
public sealed record ParkAnalysis(
    AnalysisSummary Summary,
    BalanceReport Balance,
    LoopReport Loops,
    IReadOnlyList<ExchangeOpportunity> Opportunities,
    ExchangePlan Plan,
    IReadOnlyList<ChainGap> Gaps,
    IReadOnlyList<KpiValue> Kpis)
{
    /// <summary>Energy accounts per GB/T 2589-2020.</summary>
    public EnergyReport? Energy { get; init; }

    /// <summary>Carbon accounts (scope 1 and 2) and the factors used.</summary>
    public CarbonReport? Carbon { get; init; }

    /// <summary>Pinch targets of the park's heat streams, with the proposed heat exchanges checked; null without heat streams.</summary>
    public HeatIntegration.HeatIntegrationReport? HeatIntegration { get; init; }
}
