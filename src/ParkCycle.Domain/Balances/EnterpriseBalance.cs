using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Balances;

/// <summary>
/// One enterprise's annual balance: mass, energy and volume in and out, each summed over the flows
/// whose quantity is known, with the flows of unknown quantity counted so a reader knows the sums
/// are lower bounds.
/// </summary>
public sealed record EnterpriseBalance(
    string EnterpriseId,
    Mass MassIn,
    Mass MassOut,
    Energy EnergyIn,
    Energy EnergyOut,
    Volume VolumeIn,
    Volume VolumeOut,
    int UnknownInflows,
    int UnknownOutflows)
{
    public bool HasUnknowns => UnknownInflows > 0 || UnknownOutflows > 0;

    /// <summary>Mass in minus mass out.</summary>
    public Mass MassGap => MassIn - MassOut;

    /// <summary>Energy in minus energy out (losses and products' embodied energy make this positive).</summary>
    public Energy EnergyGap => EnergyIn - EnergyOut;

    /// <summary>
    /// Mass imbalance relative to the larger side (0 = balanced, 1 = one side is empty); null when
    /// there is no mass at all.
    /// </summary>
    public decimal? RelativeMassImbalance => Relative(MassIn.Tonnes, MassOut.Tonnes);

    public decimal? RelativeEnergyImbalance => Relative(EnergyIn.Gigajoules, EnergyOut.Gigajoules);

    private static decimal? Relative(decimal a, decimal b)
    {
        var max = Math.Max(a, b);
        return max == 0 ? null : Math.Abs(a - b) / max;
    }

    /// <summary>Balances for every enterprise of a dataset, in the dataset's order; planned flows are left out unless asked.</summary>
    public static IReadOnlyList<EnterpriseBalance> ComputeAll(ParkDataset dataset, bool includePlanned = false)
    {
        var acc = dataset.Enterprises.ToDictionary(e => e.Id, _ => new Accumulator(), StringComparer.Ordinal);
        foreach (var flow in dataset.Flows)
        {
            if (flow.Status == FlowStatus.Planned && !includePlanned)
            {
                continue;
            }

            if (acc.TryGetValue(flow.From, out var from))
            {
                from.Add(flow.Quantity, outgoing: true);
            }

            if (acc.TryGetValue(flow.To, out var to))
            {
                to.Add(flow.Quantity, outgoing: false);
            }
        }

        return [.. dataset.Enterprises.Select(e => acc[e.Id].ToBalance(e.Id))];
    }

    private sealed class Accumulator
    {
        private readonly decimal[] _in = new decimal[3];
        private readonly decimal[] _out = new decimal[3];
        private int _unknownIn;
        private int _unknownOut;

        public void Add(Quantity? quantity, bool outgoing)
        {
            if (quantity is not { } q)
            {
                if (outgoing)
                {
                    _unknownOut++;
                }
                else
                {
                    _unknownIn++;
                }

                return;
            }

            (outgoing ? _out : _in)[(int)q.Dimension] += q.BaseValue;
        }

        public EnterpriseBalance ToBalance(string id) => new(
            id,
            Mass.FromTonnes(_in[(int)Dimension.Mass]),
            Mass.FromTonnes(_out[(int)Dimension.Mass]),
            Energy.FromGigajoules(_in[(int)Dimension.Energy]),
            Energy.FromGigajoules(_out[(int)Dimension.Energy]),
            Volume.FromCubicMetres(_in[(int)Dimension.Volume]),
            Volume.FromCubicMetres(_out[(int)Dimension.Volume]),
            _unknownIn,
            _unknownOut);
    }
}
