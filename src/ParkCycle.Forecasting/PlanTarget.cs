using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>A plan target the park is measured against (DIGEST: the plan's 2025 targets).</summary>
/// <param name="Population">The enterprises it counts.</param>
/// <param name="Share">Share of the population that must have completed one of <paramref name="Types"/> by <paramref name="Due"/>.</param>
public sealed record PlanTarget(string Id, string Name, IReadOnlyList<ProjectType> Types, TargetPopulation Population, decimal Share, DateOnly Due, string Source);
