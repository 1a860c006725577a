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
    /// <summary>True when some flow in or out has an unknown quantity: the sums are then lower bounds.</summary>
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

    /// <summary>Energy imbalance relative to the larger side (0 = balanced, 1 = one side is empty); null when there is no energy at all.</summary>
    public decimal? RelativeEnergyImbalance => Relative(EnergyIn.Gigajoules, EnergyOut.Gigajoules);

    private static decimal? Relative(decimal a, decimal b)
    {
        var max = Math.Max(a, b);
        return max == 0 ? null : Math.Abs(a - b) / max;
    }

    /// <summary>Mass of water taken in (t, through density), the most that can leave as undeclared vapour.</summary>
    public Mass WaterIn { get; init; }

    /// <summary>Whether the enterprise burns a fuel, so combustion air (undeclared) may make its outputs heavier than its inputs.</summary>
    public bool BurnsFuel { get; init; }

    /// <summary>Energy delivered to other enterprises or sold (useful output), GJ; the rest of <see cref="EnergyOut"/> is vented.</summary>
    public Energy UsefulEnergyOut { get; init; }

    /// <summary>
    /// Balances for every enterprise of a dataset, in the dataset's order; planned flows are left out unless asked.
    /// Mass is in t with volumes converted through density (water, concrete) and steam counted as the mass it is;
    /// energy is in GJ through calorific values and steam enthalpies, over the flows that count as energy (fuel role,
    /// or energy, steam and heat in themselves; feedstock excluded); volume is the water and wastewater metered in m³.
    /// </summary>
    public static IReadOnlyList<EnterpriseBalance> ComputeAll(ParkDataset dataset, bool includePlanned = false)
    {
        var acc = dataset.Enterprises.ToDictionary(e => e.Id, _ => new Accumulator(), StringComparer.Ordinal);
        var conversions = new Dictionary<string, (decimal? TPerBase, decimal? GjPerBase, bool EnergyInItself)>(StringComparer.Ordinal);
        foreach (var flow in dataset.Flows)
        {
            if (flow.Status == FlowStatus.Planned && !includePlanned)
            {
                continue;
            }

            var hasFrom = acc.TryGetValue(flow.From, out var from);
            var hasTo = acc.TryGetValue(flow.To, out var to);
            if (!hasFrom && !hasTo)
            {
                continue;
            }

            var material = dataset.Material(flow.MaterialId);
            if (!conversions.TryGetValue(material.Id, out var c))
            {
                conversions[material.Id] = c = ConversionsOf(material);
            }

            var role = flow.RoleOf(material);
            var isEnergy = c.GjPerBase is not null && role != FlowRole.Feedstock && (role == FlowRole.Fuel || c.EnergyInItself);
            var useful = !ExternalNode.IsDisposal(flow.To);
            from?.Add(flow.Quantity, material, c.TPerBase, isEnergy ? c.GjPerBase : null, outgoing: true, useful, role);
            to?.Add(flow.Quantity, material, c.TPerBase, isEnergy ? c.GjPerBase : null, outgoing: false, useful, role);
        }

        return [.. dataset.Enterprises.Select(e => acc[e.Id].ToBalance(e.Id))];
    }

    /// <summary>Tonnes and GJ per base unit (t, m³ or GJ) of a material's own dimension.</summary>
    private static (decimal? TPerBase, decimal? GjPerBase, bool EnergyInItself) ConversionsOf(Material material)
    {
        var one = new Quantity(1m, Unit.BaseOf(material.Unit.Dimension));
        decimal? tonnes = material.TryConvert(one, Unit.Tonne, out var t, out _) ? t.Value : null;
        decimal? gj = material.GigajoulesPerUnit(out _) is not null && material.TryConvert(one, Unit.Gigajoule, out var e, out _) ? e.Value : null;
        var inItself = material.Unit.Dimension == Dimension.Energy || material.Category is MaterialCategory.Energy or MaterialCategory.Steam or MaterialCategory.WasteHeat;
        // Energy in GJ has no mass; heat in GJ neither.
        return (material.Unit.Dimension == Dimension.Energy ? null : tonnes, gj, inItself);
    }

    private sealed class Accumulator
    {
        private decimal _massIn;
        private decimal _massOut;
        private decimal _energyIn;
        private decimal _energyOut;
        private decimal _usefulOut;
        private decimal _volumeIn;
        private decimal _volumeOut;
        private decimal _waterIn;
        private bool _burnsFuel;
        private int _unknownIn;
        private int _unknownOut;

        public void Add(Quantity? quantity, Material material, decimal? tPerBase, decimal? gjPerBase, bool outgoing, bool useful, FlowRole role)
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

            var v = q.BaseValue;
            var mass = tPerBase is { } tp ? v * tp : 0m;
            var energy = gjPerBase is { } gp ? v * gp : 0m;
            var water = q.Dimension == Dimension.Volume && material.Category is MaterialCategory.Water or MaterialCategory.Wastewater ? v : 0m;
            if (outgoing)
            {
                _massOut += mass;
                _energyOut += energy;
                _usefulOut += useful ? energy : 0m;
                _volumeOut += water;
            }
            else
            {
                _massIn += mass;
                _energyIn += energy;
                _volumeIn += water;
                _waterIn += material.Category == MaterialCategory.Water ? mass : 0m;
                _burnsFuel |= role == FlowRole.Fuel && mass > 0 && gjPerBase is not null && material.Category != MaterialCategory.Steam;
            }
        }

        public EnterpriseBalance ToBalance(string id) => new(
            id,
            Mass.FromTonnes(_massIn),
            Mass.FromTonnes(_massOut),
            Energy.FromGigajoules(_energyIn),
            Energy.FromGigajoules(_energyOut),
            Volume.FromCubicMetres(_volumeIn),
            Volume.FromCubicMetres(_volumeOut),
            _unknownIn,
            _unknownOut)
        {
            WaterIn = Mass.FromTonnes(_waterIn),
            BurnsFuel = _burnsFuel,
            UsefulEnergyOut = Energy.FromGigajoules(_usefulOut),
        };
    }
}
