namespace ParkCycle.Forecasting;

/// <summary>One US EPA Superfund NPL site: when it was listed and when construction was completed (null: still under way).</summary>
public sealed record SuperfundSite(string EpaId, string Name, DateOnly Listed, DateOnly? ConstructionComplete, double? SiteScore, int Region, string State);
