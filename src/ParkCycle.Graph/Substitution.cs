using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>One way a source material replaces a target: <paramref name="Ratio"/> target units per source unit.</summary>
public sealed record Substitution(string Source, string Target, decimal Ratio, SubstitutionRule? Rule, decimal? MaxDistanceKm);
