using System.Globalization;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// A computed KPI. <see cref="Value"/> is null when the dataset cannot support it; <see cref="Status"/> is then
/// <see cref="KpiStatus.NotComputable"/> and <see cref="Reason"/> says what is missing. <see cref="Inputs"/> shows
/// every measure the value came from.
/// </summary>
public sealed record KpiValue(
    string Id,
    string Name,
    string NameEn,
    decimal? Value,
    string Unit,
    decimal? Target,
    KpiDirection Direction,
    KpiStatus Status,
    string? Reason,
    string Formula,
    IReadOnlyDictionary<string, decimal?> Inputs,
    string Source);

/// <summary>
/// The park measures KPI formulas are written in (base units, existing flows of known quantity). A measure
/// is null when the data cannot give it, e.g. energy use when an operating enterprise's is unknown.
/// </summary>
public static class ParkMeasures
{
    /// <summary>The measures of a park; those from the energy and carbon accounts are null when <paramref name="accounts"/> is.</summary>
    public static IReadOnlyDictionary<string, decimal?> Compute(FlowGraph graph, ParkAccounts? accounts = null)
    {
        var dataset = graph.Dataset;
        decimal swGen = 0, swUsed = 0, swInPark = 0, hwGen = 0, hwLicensed = 0, waterIntake = 0, waterReused = 0, heatGen = 0, heatRecovered = 0, co2 = 0;
        decimal byproductGen = 0, byproductInPark = 0, wastewaterDischarged = 0;
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
            var role = flow.RoleOf(material);
            if (fromEnterprise && q.Dimension == Dimension.Mass && IsSolidWaste(material, role))
            {
                // HJ 274-2015: general industrial solid waste generated and comprehensively utilised; products and
                // byproducts sold as such are not waste, and hazardous waste is counted on its own.
                swGen += v;
                if (!ExternalNode.IsDisposal(flow.To))
                {
                    swUsed += v;
                }
            }

            if (fromEnterprise && q.Dimension == Dimension.Mass && (IsSolidWaste(material, role) || role == FlowRole.Byproduct))
            {
                byproductGen += v;
                if (internalFlow)
                {
                    byproductInPark += v;
                }
            }

            switch (material.Category)
            {
                case MaterialCategory.SolidWaste or MaterialCategory.Byproduct when fromEnterprise && q.Dimension == Dimension.Mass:
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
                    if (flow.From == ExternalNode.Import && material.Category == MaterialCategory.Water)
                    {
                        waterIntake += v;
                    }
                    else if (internalFlow)
                    {
                        // Water passed on for use, and wastewater reclaimed by another enterprise, are reuse.
                        waterReused += material.Category == MaterialCategory.Water ? v : 0;
                    }

                    if (material.Category == MaterialCategory.Wastewater && fromEnterprise && flow.To == ExternalNode.Discharge)
                    {
                        wastewaterDischarged += v;
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
            ["byproduct_generated_t"] = byproductGen,
            ["byproduct_in_park_t"] = byproductInPark,
            ["water_recirculated_m3"] = active.Sum(e => e.RecirculatedWaterM3 ?? 0m),
            ["wastewater_discharged_m3"] = wastewaterDischarged,
            ["value_added_10k_cny"] = active.All(e => e.ValueAdded10kCny is not null) ? active.Sum(e => e.ValueAdded10kCny!.Value) : null,
            ["energy_consumption_tce"] = accounts?.Energy.Park.ConsumptionTce,
            ["energy_consumption_equivalent_tce"] = accounts?.Energy.Park.ConsumptionEquivalentTce,
            ["non_fossil_energy_tce"] = accounts is null ? null : NonFossilTce(dataset, accounts.Energy),
            ["natural_gas_tce"] = accounts?.Energy.Park.ByCarrier.Where(c => IsNaturalGas(dataset.Material(c.Material))).Sum(c => c.Tce),
            ["co2_scope1_t"] = accounts?.Carbon.Park.Scope1T,
            ["co2_scope2_t"] = accounts?.Carbon.Park.Scope2T,
            ["new_energy_capacity_mw"] = active.Sum(e => e.NewEnergyCapacityMw ?? 0m),
        };
    }

    private static bool IsSolidWaste(Material material, FlowRole role) =>
        material.Category != MaterialCategory.HazardousWaste
        && (role == FlowRole.Waste && material.Category is MaterialCategory.SolidWaste or MaterialCategory.Byproduct or MaterialCategory.RawMaterial or MaterialCategory.Product
            || (role == FlowRole.Byproduct && material.CatalogId is "gypsum-byproduct" or "calcium-rich-residue"));

    private static bool IsNaturalGas(Material material) => material.Id == "natural-gas" || material.CatalogId == "natural-gas";

    /// <summary>
    /// Non-fossil energy used in the park (tce, calorific basis): carriers marked <c>fossil</c> false that cross the park
    /// boundary (biomass, biogas), plus what park enterprises produce and the park uses (PV power). Grid electricity
    /// counts as fossil here (its non-fossil part belongs to the grid's statistics, not the park's).
    /// </summary>
    private static decimal NonFossilTce(ParkDataset dataset, EnergyReport energy) =>
        energy.Park.ByCarrier.Where(c => c.Tce > 0 && dataset.Material(c.Material).Properties.Fossil == false).Sum(c => c.Tce)
        + energy.Park.InParkProductionTce;

    /// <summary>Why a measure is missing, for "not computable: missing X" messages.</summary>
    public static string WhyMissing(string measure, ParkDataset dataset)
    {
        var active = dataset.Enterprises.Where(e => e.Status is EnterpriseStatus.Operating or EnterpriseStatus.Relocating).ToList();
        return measure switch
        {
            "energy_tce" => $"energy_tce of {active.Count(e => e.EnergyTce is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.EnergyTce is null).Select(e => e.Id).Take(5))}",
            "output_value_10k_cny" => $"output_value_10k_cny of {active.Count(e => e.OutputValue10kCny is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.OutputValue10kCny is null).Select(e => e.Id).Take(5))}",
            "value_added_10k_cny" => $"value_added_10k_cny of {active.Count(e => e.ValueAdded10kCny is null)} operating enterprise(s): {string.Join(", ", active.Where(e => e.ValueAdded10kCny is null).Select(e => e.Id).Take(5))}",
            _ => measure,
        };
    }
}

/// <summary>Evaluates indicator definitions against a park's measures (with its energy and carbon accounts when given).</summary>
public sealed class KpiCalculator(FlowGraph graph, IReadOnlyList<IndicatorDefinition> indicators, ParkAccounts? accounts = null)
{
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
            direction, status, reason, indicator.Formula, inputs, indicator.Source);
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
