namespace ParkCycle.Graph;

/// <summary>A parsed KPI formula: + − × ÷, parentheses, numbers and measure names.</summary>
public sealed class Formula
{
    private readonly Func<Func<string, decimal>, (decimal? Value, string? ZeroDenominator)> _evaluate;

    internal Formula(Func<Func<string, decimal>, (decimal?, string?)> evaluate, IReadOnlyList<string> names)
    {
        _evaluate = evaluate;
        Names = names;
    }

    /// <summary>The measure names the formula uses.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The value, or null when a denominator is zero (named in <paramref name="zeroDenominator"/>).</summary>
    public decimal? Evaluate(Func<string, decimal> measure, out string? zeroDenominator)
    {
        var (value, zero) = _evaluate(measure);
        zeroDenominator = zero;
        return value;
    }
}
