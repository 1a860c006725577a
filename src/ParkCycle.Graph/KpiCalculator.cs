namespace ParkCycle.Graph;

/// <summary>Evaluates indicator definitions against a park's measures (with its energy and carbon accounts when given).</summary>
/// <remarks>
/// <paramref name="benchmarks"/> (energy-efficiency benchmarks) give the measures <c>benchmark_output_tce</c> and
/// <c>benchmark_output_at_level_tce</c>; a KPI over them also lists each assessed enterprise's output, energy and levels
/// in its inputs (<c>enterprise:measure</c>).
/// </remarks>
public sealed class KpiCalculator(FlowGraph graph, IReadOnlyList<IndicatorDefinition> indicators, ParkAccounts? accounts = null, IReadOnlyList<EnergyBenchmark>? benchmarks = null)
{
    private const string BenchmarkOutput = "benchmark_output_tce";
    private const string BenchmarkOutputAtLevel = "benchmark_output_at_level_tce";

    /// <summary>The value and status of every indicator: met or not met against its target, no target, or not computable with the reason (unknown or missing measure, zero denominator). Values are rounded to 4 decimals.</summary>
    public IReadOnlyList<KpiValue> Compute()
    {
        var measures = new Dictionary<string, decimal?>(ParkMeasures.Compute(graph, accounts), StringComparer.Ordinal);
        var assessment = BenchmarkAssessment.Compute(graph, accounts, benchmarks ?? []);
        measures[BenchmarkOutput] = assessment.OutputTce;
        measures[BenchmarkOutputAtLevel] = assessment.AtBenchmarkTce;
        return [.. indicators.Select(i => Evaluate(i, measures, assessment))];
    }

    private KpiValue Evaluate(IndicatorDefinition indicator, IReadOnlyDictionary<string, decimal?> measures, BenchmarkAssessment assessment)
    {
        var direction = indicator.Direction == "<=" ? KpiDirection.AtMost : KpiDirection.AtLeast;
        var formula = FormulaParser.Parse(indicator.Formula);
        var inputs = formula.Names.ToDictionary(n => n, n => measures.GetValueOrDefault(n), StringComparer.Ordinal);
        var unknownNames = formula.Names.Where(n => !measures.ContainsKey(n)).ToList();
        if (unknownNames.Count > 0)
        {
            return Result(null, KpiStatus.NotComputable, $"unknown measure {string.Join(", ", unknownNames)}");
        }

        if (formula.Names.Any(n => n is BenchmarkOutput or BenchmarkOutputAtLevel))
        {
            AddBenchmarkDetails(inputs, assessment);
        }

        var missing = inputs.Where(kv => kv.Value is null).Select(kv => kv.Key is BenchmarkOutput or BenchmarkOutputAtLevel
            ? string.Join("; ", assessment.Missing)
            : ParkMeasures.WhyMissing(kv.Key, graph.Dataset)).Distinct(StringComparer.Ordinal).ToList();
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
            direction, status, reason, indicator.Formula, inputs, indicator.Source) 
        {
            Due = indicator.Due,
            TargetBasis = indicator.TargetBasis ?? (indicator.Target is null ? KpiTargetBasis.None : KpiTargetBasis.Absolute),
            BaseYear = indicator.BaseYear,
            ReductionPct = indicator.ReductionPct,
        };
    }

    // Each assessed enterprise's figures, so the share can be checked by hand from the report.
    private static void AddBenchmarkDetails(Dictionary<string, decimal?> inputs, BenchmarkAssessment assessment)
    {
        foreach (var e in assessment.Enterprises)
        {
            foreach (var (row, tonnes) in e.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                inputs[$"{e.Enterprise}:output_{row}_t"] = tonnes;
            }

            inputs[$"{e.Enterprise}:energy_tce"] = e.EnergyTce;
            inputs[$"{e.Enterprise}:benchmark_tce"] = e.BenchmarkTce;
            inputs[$"{e.Enterprise}:baseline_tce"] = e.BaselineTce;
            if (e.KgcePerBasis is { } perBasis)
            {
                inputs[$"{e.Enterprise}:kgce_per_basis_unit"] = perBasis;
            }

            inputs[$"{e.Enterprise}:at_benchmark"] = e.AtBenchmark ? 1m : 0m;
        }
    }
}
