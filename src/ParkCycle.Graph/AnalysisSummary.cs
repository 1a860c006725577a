namespace ParkCycle.Graph;

/// <summary>Headline counts and totals of an analysis.</summary>
public sealed record AnalysisSummary(
    string Park,
    string Name,
    int Enterprises,
    int Flows,
    int FlowsUnknownQuantity,
    int Loops,
    bool LoopsCapped,
    int Opportunities,
    int PlanExchanges,
    decimal PlanCo2eAvoidedT,
    decimal PlanNetValueCny,
    int Gaps,
    int KpisMet,
    int KpisNotMet,
    int KpisNotComputable,
    decimal? SolidWasteAbsorbedShare,
    long ElapsedMs)
{
    /// <summary>Whether the analysis ran on reported or reconciled quantities (<c>analyze --reconciled</c>). The default value is <see cref="QuantityBasis.Reported"/>.</summary>
    public QuantityBasis Quantities { get; init; }
}
