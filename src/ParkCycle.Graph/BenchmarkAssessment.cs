using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// Assesses the park's enterprises against the energy-efficiency benchmarks: every operating enterprise of a benchmarked
/// sector, and any other that makes a benchmarked product, with its product output and energy use from the flows.
/// <see cref="Missing"/> names what keeps an enterprise from being assessed; the share is then not computable.
/// </summary>
public sealed record BenchmarkAssessment(IReadOnlyList<EnterpriseBenchmark> Enterprises, IReadOnlyList<string> Missing)
{
    /// <summary>The benchmark-weighted capacity assessed, tce (Σ output × benchmark); null when something is missing.</summary>
    public decimal? OutputTce => Missing.Count > 0 ? null : Enterprises.Sum(e => e.BenchmarkTce);

    /// <summary>The part of <see cref="OutputTce"/> at enterprises at the benchmark level, tce; null when something is missing.</summary>
    public decimal? AtBenchmarkTce => Missing.Count > 0 ? null : Enterprises.Where(e => e.AtBenchmark).Sum(e => e.BenchmarkTce);

    /// <summary>Assesses <paramref name="graph"/>'s enterprises; without <paramref name="accounts"/> or benchmarks nothing can be.</summary>
    public static BenchmarkAssessment Compute(FlowGraph graph, ParkAccounts? accounts, IReadOnlyList<EnergyBenchmark> benchmarks)
    {
        if (benchmarks.Count == 0)
        {
            return new([], ["energy-efficiency benchmarks (seeds/catalog/indicators/benchmarks.csv)"]);
        }

        if (accounts is null)
        {
            return new([], ["the energy accounts"]);
        }

        var dataset = graph.Dataset;
        var sectors = benchmarks.Select(b => b.Sector).ToHashSet(StringComparer.Ordinal);
        var outputs = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var flow in graph.Flows.Where(f => !ExternalNode.IsExternal(f.From)))
        {
            if (RowFor(dataset, flow.MaterialId, benchmarks) is not { } row)
            {
                continue;
            }

            if (flow.Quantity is not { Dimension: Dimension.Mass } q)
            {
                missing.Add($"the quantity in t of {flow.From}'s {flow.MaterialId} output (flow {flow.Id})");
                continue;
            }

            var byRow = outputs.TryGetValue(flow.From, out var o) ? o : outputs[flow.From] = new(StringComparer.Ordinal);
            byRow[row.Id] = byRow.GetValueOrDefault(row.Id) + q.BaseValue;
        }

        var energy = accounts.Energy.Enterprises.ToDictionary(e => e.Enterprise, StringComparer.Ordinal);
        var assessed = new List<EnterpriseBenchmark>();
        foreach (var enterprise in dataset.Enterprises.Where(e => e.IsActive && (outputs.ContainsKey(e.Id) || (e.Sector is { } s && sectors.Contains(s)))))
        {
            if (!outputs.TryGetValue(enterprise.Id, out var made))
            {
                var products = benchmarks.Where(b => b.Sector == enterprise.Sector).Select(b => b.Product).Distinct(StringComparer.Ordinal);
                missing.Add($"{enterprise.Id}'s output of {string.Join(" or ", products)} (sector {enterprise.Sector}; no such flow)");
                continue;
            }

            if (!energy.TryGetValue(enterprise.Id, out var use) || use.UnknownFlows > 0)
            {
                missing.Add(use is null ? $"{enterprise.Id}'s energy use (no energy flows)" : $"{enterprise.Id}'s energy use ({use.UnknownFlows} energy flow(s) of unknown quantity)");
                continue;
            }

            var rows = made.Keys.Select(id => benchmarks.First(b => b.Id == id)).ToList();
            var benchmarkTce = rows.Sum(b => made[b.Id] * b.BasisPerTonne * b.BenchmarkKgce) / 1000m;
            var baselineTce = rows.Sum(b => made[b.Id] * b.BasisPerTonne * b.BaselineKgce) / 1000m;
            var basis = rows.Sum(b => made[b.Id] * b.BasisPerTonne);
            decimal? perBasis = rows.Select(b => b.Basis).Distinct(StringComparer.Ordinal).Count() == 1 && basis > 0
                ? Math.Round(use.ConsumptionTce * 1000m / basis, 2)
                : null;
            assessed.Add(new EnterpriseBenchmark(enterprise.Id, made, use.ConsumptionTce, Math.Round(benchmarkTce, 3), Math.Round(baselineTce, 3), perBasis));
        }

        return new(assessed, missing);
    }

    /// <summary>The benchmark for a material: its own row, else that of the nearest catalogue material it is a kind of.</summary>
    private static EnergyBenchmark? RowFor(ParkDataset dataset, string material, IReadOnlyList<EnergyBenchmark> benchmarks)
    {
        var current = material;
        for (var step = 0; step <= 8 && current is not null; step++)
        {
            if (benchmarks.FirstOrDefault(b => b.Product == current) is { } row)
            {
                return row;
            }

            current = dataset.FindMaterial(current)?.CatalogId;
        }

        return null;
    }
}
