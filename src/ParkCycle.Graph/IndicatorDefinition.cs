namespace ParkCycle.Graph;

/// <summary>A KPI definition (<c>seeds/catalog/indicators</c>): a formula over named park measures and its target.</summary>
/// <param name="Direction"><c>&gt;=</c> when higher is better, <c>&lt;=</c> when lower is better.</param>
public sealed record IndicatorDefinition(string Id, string Name, string NameEn, string Formula, string Unit, decimal? Target, string Direction, string Source);
