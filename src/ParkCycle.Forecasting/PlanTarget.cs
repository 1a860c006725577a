using ParkCycle.Domain.Model;

namespace ParkCycle.Forecasting;

/// <summary>A plan target the park is measured against (DIGEST: the plan's 2025 targets).</summary>
/// <param name="Population"><c>all</c> enterprises, <c>above-size</c> ones, or <c>riverside</c> chemical plants (Binjiang, relocating or closed).</param>
/// <param name="Share">Share of the population that must have completed one of <paramref name="Types"/> by <paramref name="Due"/>.</param>
public sealed record PlanTarget(string Id, string Name, IReadOnlyList<ProjectType> Types, string Population, decimal Share, DateOnly Due, string Source);
