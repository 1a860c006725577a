using ParkCycle.Domain.Balances;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>Computes balances (mass and energy in vs out) and circularity figures.</summary>
public sealed class BalanceCalculator(FlowGraph graph, decimal tolerance)
{
    /// <summary>Every enterprise's balance over existing flows (t, GJ, m³) with flags saying why it looks wrong, each chain's in-park share of its mass output, and the share of byproducts and solid wastes (t) absorbed in the park.</summary>
    public BalanceReport Compute()
    {
        var dataset = graph.Dataset;
        var lines = EnterpriseBalance.ComputeAll(dataset, includePlanned: false).Select(b =>
        {
            var enterprise = dataset.FindEnterprise(b.EnterpriseId)!;
            var flags = Judge(b, enterprise);
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

    /// <summary>
    /// The flags of one balance, each saying why and by how much. Mass: a surplus of inputs beyond the water that can
    /// leave as undeclared vapour means a missing output; a surplus of outputs is only flagged where nothing is burned
    /// (combustion air, undeclared, makes a burner's outputs heavier). Energy: out may not exceed in (end users turn
    /// energy into products and losses); a converter (GB/T 4754-2017 sector 44, power and heat supply) must deliver a
    /// plausible share of its input (30–95 %). Declared exemptions (stock, transit, PV) are not judged.
    /// </summary>
    private List<string> Judge(EnterpriseBalance b, Enterprise enterprise)
    {
        var flags = new List<string>();
        if (b.HasUnknowns)
        {
            flags.Add($"{b.UnknownInflows + b.UnknownOutflows} flow(s) of unknown quantity: the balance is a lower bound");
        }

        if (enterprise.BalanceExempt is { } why)
        {
            return flags.Count == 0 ? [] : [.. flags.Append($"not judged: {why}")];
        }

        var massIn = b.MassIn.Tonnes;
        var massOut = b.MassOut.Tonnes;
        var larger = Math.Max(massIn, massOut);
        if (larger > 0 && !b.HasUnknowns)
        {
            var missingOut = massIn - massOut - b.WaterIn.Tonnes;
            if (missingOut > 0 && missingOut / larger > tolerance)
            {
                flags.Add(string.Create(Inv, $"mass: inputs {massIn:#,0.#} t exceed outputs {massOut:#,0.#} t by {massIn - massOut:#,0.#} t ({(massIn - massOut) / larger:P0}), {missingOut:#,0.#} t more than the {b.WaterIn.Tonnes:#,0.#} t of water that could leave as vapour: an output is missing"));
            }
            else if (massOut > massIn && (massOut - massIn) / larger > tolerance && !b.BurnsFuel)
            {
                flags.Add(string.Create(Inv, $"mass: outputs {massOut:#,0.#} t exceed inputs {massIn:#,0.#} t by {massOut - massIn:#,0.#} t ({(massOut - massIn) / larger:P0}) and nothing is burned (no combustion air to explain it): an input is missing"));
            }
        }

        var energyIn = b.EnergyIn.Gigajoules;
        var energyOut = b.EnergyOut.Gigajoules;
        if (!b.HasUnknowns && energyOut > energyIn * (1 + tolerance) && energyOut > 0)
        {
            flags.Add(string.Create(Inv, $"energy: out {energyOut:#,0} GJ exceeds in {energyIn:#,0} GJ by {energyOut - energyIn:#,0} GJ ({(energyOut - energyIn) / energyOut:P0}): an energy input is missing"));
        }
        else if (!b.HasUnknowns && IsConverter(enterprise) && energyIn > 0)
        {
            var efficiency = b.UsefulEnergyOut.Gigajoules / energyIn;
            if (efficiency is < ConverterMinEfficiency or > ConverterMaxEfficiency)
            {
                flags.Add(string.Create(Inv, $"energy: a converter delivers {b.UsefulEnergyOut.Gigajoules:#,0} GJ of {energyIn:#,0} GJ in ({efficiency:P0}), outside the plausible {ConverterMinEfficiency:P0}–{ConverterMaxEfficiency:P0}"));
            }
        }

        return flags;
    }

    /// <summary>Lowest plausible useful output of a boiler or CHP (estimate: condensing power alone is ~35–40 %).</summary>
    public const decimal ConverterMinEfficiency = 0.30m;

    /// <summary>Highest plausible useful output of a boiler or CHP (estimate: the best gas boilers reach ~95 % on LHV).</summary>
    public const decimal ConverterMaxEfficiency = 0.95m;

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    // GB/T 4754-2017 division 44: production and supply of electricity and heat.
    private static bool IsConverter(Enterprise enterprise) => enterprise.Sector?.StartsWith("44", StringComparison.Ordinal) == true;

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4) : null;
}
