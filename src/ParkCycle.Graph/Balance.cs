using ParkCycle.Domain.Balances;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// An enterprise's balance with what is worth a look: a mass imbalance beyond the tolerance, an energy imbalance
/// beyond it at an enterprise that delivers energy, or flows of unknown quantity.
/// </summary>
/// <param name="MassImbalance">|in − out| / max(in, out) for mass; null when the enterprise moves no mass.</param>
public sealed record BalanceLine(
    string Enterprise,
    decimal MassInT,
    decimal MassOutT,
    decimal EnergyInGj,
    decimal EnergyOutGj,
    decimal WaterInM3,
    decimal WaterOutM3,
    decimal? MassImbalance,
    decimal? EnergyImbalance,
    int UnknownFlows,
    IReadOnlyList<string> Flags);

/// <summary>Per-enterprise balances and per-chain circularity.</summary>
/// <param name="Circularity">Per chain: share of the chain's enterprises' mass output that goes to other park enterprises.</param>
/// <param name="SolidWasteAbsorbedShare">Share of byproducts and solid wastes (t) taken by park enterprises; null when none is known.</param>
public sealed record BalanceReport(IReadOnlyList<BalanceLine> Enterprises, IReadOnlyList<ChainCircularity> Circularity, decimal? SolidWasteAbsorbedShare, decimal Tolerance);

/// <summary>How much of one chain's material throughput circulates inside the park.</summary>
public sealed record ChainCircularity(string Chain, decimal ThroughputT, decimal InParkT, decimal? Share);

/// <summary>Computes balances (mass and energy in vs out) and circularity figures.</summary>
public sealed class BalanceCalculator(FlowGraph graph, decimal tolerance)
{
    public BalanceReport Compute()
    {
        var dataset = graph.Dataset;
        var lines = EnterpriseBalance.ComputeAll(dataset, includePlanned: false).Select(b =>
        {
            var flags = new List<string>();
            if (b.RelativeMassImbalance > tolerance)
            {
                flags.Add($"mass imbalance {b.RelativeMassImbalance:P0} (in {b.MassIn.Tonnes:0.#} t, out {b.MassOut.Tonnes:0.#} t)");
            }

            // An end user turns all the energy it buys into products and losses, so energy in without energy out
            // is normal; only an enterprise that also delivers energy (a converter or heat recoverer) is checked.
            if (b.EnergyOut.Gigajoules > 0 && b.RelativeEnergyImbalance > tolerance)
            {
                flags.Add($"energy imbalance {b.RelativeEnergyImbalance:P0}");
            }

            if (b.HasUnknowns)
            {
                flags.Add($"{b.UnknownInflows + b.UnknownOutflows} flow(s) of unknown quantity");
            }

            return new BalanceLine(b.EnterpriseId, b.MassIn.Tonnes, b.MassOut.Tonnes, b.EnergyIn.Gigajoules, b.EnergyOut.Gigajoules,
                b.VolumeIn.CubicMetres, b.VolumeOut.CubicMetres, Round(b.RelativeMassImbalance), Round(b.RelativeEnergyImbalance),
                b.UnknownInflows + b.UnknownOutflows, flags);
        }).ToList();

        var circularity = new List<ChainCircularity>();
        foreach (var chain in Enum.GetValues<Chain>())
        {
            decimal throughput = 0, inPark = 0;
            foreach (var flow in graph.Flows)
            {
                if (flow.Quantity is not { Dimension: Domain.Units.Dimension.Mass } q || dataset.FindEnterprise(flow.From) is not { } from || !from.Chains.Contains(chain))
                {
                    continue;
                }

                throughput += q.BaseValue;
                if (!ExternalNode.IsExternal(flow.To))
                {
                    inPark += q.BaseValue;
                }
            }

            if (throughput > 0)
            {
                circularity.Add(new ChainCircularity(Codes<Chain>.Of(chain), throughput, inPark, Round(inPark / throughput)));
            }
        }

        decimal generated = 0, absorbed = 0;
        foreach (var flow in graph.Flows)
        {
            var category = dataset.Material(flow.MaterialId).Category;
            if (category is MaterialCategory.Byproduct or MaterialCategory.SolidWaste && flow.Quantity is { Dimension: Domain.Units.Dimension.Mass } q && !ExternalNode.IsExternal(flow.From))
            {
                generated += q.BaseValue;
                if (!ExternalNode.IsExternal(flow.To))
                {
                    absorbed += q.BaseValue;
                }
            }
        }

        return new BalanceReport(lines, circularity, generated > 0 ? Round(absorbed / generated) : null, tolerance);
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4) : null;
}
