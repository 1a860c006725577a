namespace ParkCycle.Graph;

/// <summary>Evaluates indicator definitions against a park's measures (with its energy and carbon accounts when given).</summary>
public sealed class KpiCalculator(FlowGraph graph, IReadOnlyList<IndicatorDefinition> indicators, ParkAccounts? accounts = null)
{
    /// <summary>The value and status of every indicator: met or not met against its target, no target, or not computable with the reason (unknown or missing measure, zero denominator). Values are rounded to 4 decimals.</summary>
    public IReadOnlyList<KpiValue> Compute()
    {
        var measures = ParkMeasures.Compute(graph, accounts);
        return [.. indicators.Select(i => Evaluate(i, measures))];
    }

    private KpiValue Evaluate(IndicatorDefinition indicator, IReadOnlyDictionary<string, decimal?> measures)
    {
        var direction = indicator.Direction == "<=" ? KpiDirection.AtMost : KpiDirection.AtLeast;
        var formula = FormulaParser.Parse(indicator.Formula);
        var inputs = formula.Names.ToDictionary(n => n, n => measures.GetValueOrDefault(n), StringComparer.Ordinal);
        var unknownNames = formula.Names.Where(n => !measures.ContainsKey(n)).ToList();
        if (unknownNames.Count > 0)
        {
            return Result(null, KpiStatus.NotComputable, $"unknown measure {string.Join(", ", unknownNames)}");
        }

        var missing = inputs.Where(kv => kv.Value is null).Select(kv => ParkMeasures.WhyMissing(kv.Key, graph.Dataset)).ToList();
        if (missing.Count > 0)
        {
            return Result(null, KpiStatus.NotComputable, $"missing {string.Join("; ", missing)}");
        }

        var value = formula.Evaluate(name => inputs[name]!.Value, out var zeroDenominator);
        if (value is null)
        {
            return Result(null, KpiStatus.NotComputable, $"no {zeroDenominator} in the dataset (zero)");
        }

        var rounded = Math.Round(value.Value, 4);
        var status = indicator.Target is not { } target
            ? KpiStatus.NoTarget
            : (direction == KpiDirection.AtMost ? rounded <= target : rounded >= target) ? KpiStatus.Met : KpiStatus.NotMet;
        return Result(rounded, status, null);

        KpiValue Result(decimal? v, KpiStatus status, string? reason) => new(indicator.Id, indicator.Name, indicator.NameEn, v, indicator.Unit, indicator.Target,
            direction, status, reason, indicator.Formula, inputs, indicator.Source) { Due = indicator.Due };
    }
}
