using System.Globalization;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// A computed KPI. <see cref="Value"/> is null when the dataset cannot support it, and <see cref="Status"/>
/// then says what is missing; <see cref="Inputs"/> shows every measure the value came from.
/// </summary>
public sealed record KpiValue(
    string Id,
    string Name,
    string NameEn,
    decimal? Value,
    string Unit,
    decimal? Target,
    string Direction,
    string Status,
    string Formula,
    IReadOnlyDictionary<string, decimal?> Inputs,
    string Source);

/// <summary>
/// The park measures KPI formulas are written in (base units, existing flows of known quantity). A measure
/// is null when the data cannot give it, e.g. energy use when an operating enterprise's is unknown.
/// </summary>
public static class ParkMeasures
{
    public static IReadOnlyDictionary<string, decimal?> Compute(FlowGraph graph)
    {
        var dataset = graph.Dataset;
        decimal swGen = 0, swUsed = 0, swInPark = 0, hwGen = 0, hwLicensed = 0, waterIntake = 0, waterReused = 0, heatGen = 0, heatRecovered = 0, co2 = 0;
        var links = new HashSet<(string, string)>();
        foreach (var flow in graph.Flows)
        {
            var material = dataset.Material(flow.MaterialId);
            var internalFlow = flow.IsInternal;
            var fromEnterprise = !ExternalNode.IsExternal(flow.From);
            if (internalFlow && material.Category is MaterialCategory.Byproduct or MaterialCategory.SolidWaste or MaterialCategory.HazardousWaste
                or MaterialCategory.WasteHeat or MaterialCategory.Steam or MaterialCategory.Water or MaterialCategory.Wastewater)
            {
                links.Add((flow.From, flow.To));
            }

            if (flow.Quantity is not { } q)
            {
                continue;
            }

            var v = q.BaseValue;
            switch (material.Category)
            {
                case MaterialCategory.SolidWaste or MaterialCategory.Byproduct when fromEnterprise && q.Dimension == Dimension.Mass:
                    swGen += v;
                    if (!ExternalNode.IsDisposal(flow.To))
                    {
                        swUsed += v;
                    }

                    if (internalFlow)
                    {
                        swInPark += v;
                    }

                    break;
                case MaterialCategory.HazardousWaste when fromEnterprise && q.Dimension == Dimension.Mass:
                    hwGen += v;
                    // Licensed treatment: a park enterprise (the kiln co-processing line) or licensed incineration.
                    if (internalFlow || flow.To == ExternalNode.Incineration)
                    {
                        hwLicensed += v;
                    }

                    break;
                case MaterialCategory.Water or MaterialCategory.Wastewater when q.Dimension == Dimension.Volume:
                    if (flow.From == ExternalNode.Import)
                    {
                        waterIntake += v;
                    }
                    else if (internalFlow && material.Category == MaterialCategory.Water)
                    {
                        waterReused += v;
                    }

                    break;
                case MaterialCategory.WasteHeat when fromEnterprise:
                    heatGen += v;
                    if (internalFlow)
                    {
                        heatRecovered += v;
                    }

                    break;
                case MaterialCategory.Emission when fromEnterprise && flow.MaterialId == "co2":
                    co2 += v;
                    break;
            }
        }

        var active = dataset.Enterprises.Where(e => e.Status is EnterpriseStatus.Operating or EnterpriseStatus.Relocating).ToList();
        return new Dictionary<string, decimal?>(StringComparer.Ordinal)
        {
            ["solid_waste_generated_t"] = swGen,
            ["solid_waste_utilised_t"] = swUsed,
            ["solid_waste_in_park_t"] = swInPark,
            ["hazardous_waste_generated_t"] = hwGen,
            ["hazardous_waste_licensed_t"] = hwLicensed,
            ["water_intake_m3"] = waterIntake,
            ["water_reused_m3"] = waterReused,
            ["waste_heat_generated_gj"] = heatGen,
            ["waste_heat_recovered_gj"] = heatRecovered,
            ["co2_t"] = co2,
            ["energy_tce"] = active.All(e => e.EnergyTce is not null) ? active.Sum(e => e.EnergyTce!.Value) : null,
            ["output_value_10k_cny"] = active.All(e => e.OutputValue10kCny is not null) ? active.Sum(e => e.OutputValue10kCny!.Value) : null,
            ["eco_links"] = links.Count,
        };
    }

    /// <summary>Why a measure is missing, for "not computable: missing X" messages.</summary>
    public static string WhyMissing(string measure, ParkDataset dataset)
    {
        var active = dataset.Enterprises.Where(e => e.Status is EnterpriseStatus.Operating or EnterpriseStatus.Relocating).ToList();
        return measure switch
        {
            "energy_tce" => $"energy_tce of {active.Count(e => e.EnergyTce is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.EnergyTce is null).Select(e => e.Id).Take(5))}",
            "output_value_10k_cny" => $"output_value_10k_cny of {active.Count(e => e.OutputValue10kCny is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.OutputValue10kCny is null).Select(e => e.Id).Take(5))}",
            _ => measure,
        };
    }
}

/// <summary>Evaluates indicator definitions against a park's measures.</summary>
public sealed class KpiCalculator(FlowGraph graph, IReadOnlyList<IndicatorDefinition> indicators)
{
    public IReadOnlyList<KpiValue> Compute()
    {
        var measures = ParkMeasures.Compute(graph);
        return [.. indicators.Select(i => Evaluate(i, measures))];
    }

    private KpiValue Evaluate(IndicatorDefinition indicator, IReadOnlyDictionary<string, decimal?> measures)
    {
        var formula = FormulaParser.Parse(indicator.Formula);
        var inputs = formula.Names.ToDictionary(n => n, n => measures.GetValueOrDefault(n), StringComparer.Ordinal);
        var unknownNames = formula.Names.Where(n => !measures.ContainsKey(n)).ToList();
        if (unknownNames.Count > 0)
        {
            return Result(null, $"not computable: unknown measure {string.Join(", ", unknownNames)}");
        }

        var missing = inputs.Where(kv => kv.Value is null).Select(kv => ParkMeasures.WhyMissing(kv.Key, graph.Dataset)).ToList();
        if (missing.Count > 0)
        {
            return Result(null, $"not computable: missing {string.Join("; ", missing)}");
        }

        var value = formula.Evaluate(name => inputs[name]!.Value, out var zeroDenominator);
        if (value is null)
        {
            return Result(null, $"not computable: no {zeroDenominator} in the dataset (zero)");
        }

        var rounded = Math.Round(value.Value, 4);
        var status = indicator.Target is not { } target
            ? "no target"
            : (indicator.Direction == "<=" ? rounded <= target : rounded >= target) ? "met" : "not met";
        return Result(rounded, status);

        KpiValue Result(decimal? v, string status) => new(indicator.Id, indicator.Name, indicator.NameEn, v, indicator.Unit, indicator.Target,
            indicator.Direction, status, indicator.Formula, inputs, indicator.Source);
    }
}

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

/// <summary>A small recursive-descent parser for indicator formulas.</summary>
public static class FormulaParser
{
    public static Formula Parse(string text)
    {
        var tokens = Tokenize(text);
        var names = new List<string>();
        var position = 0;
        var root = Expression(tokens, ref position, names);
        if (position != tokens.Count)
        {
            throw new FormatException($"unexpected '{tokens[position]}' in formula '{text}'");
        }

        return new Formula(m => root(m), names.Distinct(StringComparer.Ordinal).ToList());
    }

    private delegate (decimal? Value, string? Zero) Node(Func<string, decimal> measure);

    private static Node Expression(List<string> t, ref int p, List<string> names)
    {
        var left = Term(t, ref p, names);
        while (p < t.Count && t[p] is "+" or "-")
        {
            var op = t[p++];
            var l = left;
            var r = Term(t, ref p, names);
            left = m =>
            {
                var (a, za) = l(m);
                var (b, zb) = r(m);
                return a is null || b is null ? (null, za ?? zb) : (op == "+" ? a + b : a - b, null);
            };
        }

        return left;
    }

    private static Node Term(List<string> t, ref int p, List<string> names)
    {
        var left = Factor(t, ref p, names);
        while (p < t.Count && t[p] is "*" or "/")
        {
            var op = t[p++];
            var denominatorText = p < t.Count ? t[p] : string.Empty;
            var l = left;
            var r = Factor(t, ref p, names);
            left = m =>
            {
                var (a, za) = l(m);
                var (b, zb) = r(m);
                if (a is null || b is null)
                {
                    return (null, za ?? zb);
                }

                if (op == "*")
                {
                    return (a * b, null);
                }

                return b == 0 ? (null, denominatorText) : (a / b, null);
            };
        }

        return left;
    }

    private static Node Factor(List<string> t, ref int p, List<string> names)
    {
        if (p >= t.Count)
        {
            throw new FormatException("formula ends too early");
        }

        var token = t[p++];
        if (token == "(")
        {
            var inner = Expression(t, ref p, names);
            if (p >= t.Count || t[p++] != ")")
            {
                throw new FormatException("missing ')' in formula");
            }

            return inner;
        }

        if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return _ => (number, null);
        }

        if (char.IsLetter(token[0]) || token[0] == '_')
        {
            names.Add(token);
            return m => (m(token), null);
        }

        throw new FormatException($"unexpected '{token}' in formula");
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if ("+-*/()".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                if (i == start)
                {
                    throw new FormatException($"unexpected '{c}' in formula '{text}'");
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
