namespace ParkCycle.Server.Tests;

/// <summary>One axe-core rule that failed on a page: its id, impact, help text and the elements it failed on.</summary>
public sealed record AxeViolation(string Page, string Rule, string? Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Page}: {Rule} ({Impact}) {Help} — {string.Join(" | ", Targets)}";
}
