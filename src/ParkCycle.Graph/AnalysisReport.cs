namespace ParkCycle.Graph;

/// <summary>
/// The stable report shape of <c>parkcycle analyze --json</c> and the API (docs/analysis.md): top-level
/// sections <c>summary</c>, <c>balance</c>, <c>loops</c>, <c>opportunities</c>, <c>plan</c>, <c>gaps</c>,
/// <c>kpis</c>, <c>energy</c>, <c>carbon</c>, <c>heat_integration</c> (with heat streams), and <c>scenario</c> when one was asked for. Field names are a contract.
/// </summary>
public sealed record AnalysisReport(
    AnalysisSummary Summary,
    BalanceReport Balance,
    IReadOnlyList<Loop> Loops,
    LoopStructure LoopStructure,
    IReadOnlyList<ExchangeOpportunity> Opportunities,
    ExchangePlan Plan,
    IReadOnlyList<ChainGap> Gaps,
    IReadOnlyList<KpiValue> Kpis,
    ScenarioReport? Scenario)
{
    /// <summary>Energy accounts per GB/T 2589-2020 (docs/analysis.md).</summary>
    public EnergyReport? Energy { get; init; }

    /// <summary>Carbon accounts, scope 1 and 2, with the factors used (docs/analysis.md).</summary>
    public CarbonReport? Carbon { get; init; }

    /// <summary>Pinch targets (<c>parkcycle pinch</c>'s object) when the dataset has heat streams; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public HeatIntegration.HeatIntegrationReport? HeatIntegration { get; init; }

    /// <summary>
    /// The report's JSON conventions, shared by every writer of it (CLI, live park, API): snake_case fields,
    /// kebab-case enum values, Chinese written as is.
    /// </summary>
    public static System.Text.Json.JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The report of an analysis, with the scenario's comparison when one was run; energy and carbon accounts are carried over.</summary>
    public static AnalysisReport From(ParkAnalysis analysis, ScenarioReport? scenario = null) => new(
        analysis.Summary,
        analysis.Balance,
        analysis.Loops.Loops,
        new LoopStructure(analysis.Loops.Components, analysis.Loops.Capped, analysis.Loops.Note),
        analysis.Opportunities,
        analysis.Plan,
        analysis.Gaps,
        analysis.Kpis,
        scenario)
    {
        Energy = analysis.Energy,
        Carbon = analysis.Carbon,
        HeatIntegration = analysis.HeatIntegration,
    };
}
