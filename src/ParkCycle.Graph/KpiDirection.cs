namespace ParkCycle.Graph;

/// <summary>Which side of the target is good (kebab-case on the wire: <c>at-least</c>, <c>at-most</c>).</summary>
public enum KpiDirection
{
    /// <summary>Higher is better: met when value ≥ target (indicators.csv <c>&gt;=</c>).</summary>
    AtLeast,

    /// <summary>Lower is better: met when value ≤ target (indicators.csv <c>&lt;=</c>).</summary>
    AtMost,
}
