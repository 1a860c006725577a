using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// Energy accounts per GB/T 2589-2020 and carbon accounts (scope 1 and 2) from a park's existing flows of known
/// quantity, in one pass. A flow counts as energy when its material has an energy content and its role is fuel,
/// or when the material is energy, steam or heat in itself (and it is not feedstock). Energy received from outside
/// or from another enterprise is consumption; energy delivered to another enterprise or sold is deducted; what goes
/// to a disposal sink (vented heat) is a loss, not a deduction.
/// </summary>
public sealed class Accountant(ParkDataset dataset, EmissionFactors factors)
{
    private readonly Dictionary<string, Carrier?> _carriers = new(StringComparer.Ordinal);

    /// <summary>Both accounts.</summary>
    public ParkAccounts Compute()
    {
        var options = factors.Options;
        var held = new Dictionary<string, Dictionary<string, Net>>(StringComparer.Ordinal);
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        // The park's boundary: electricity and heat imported and exported, for scope 2 without double counting.
        decimal boundaryElectricityT = 0, boundaryHeatT = 0;
        foreach (var flow in dataset.Flows)
        {
            if (flow.Status != FlowStatus.Existing || Classify(flow) is not { } carrier)
            {
                continue;
            }

            var fromEnterprise = !ExternalNode.IsExternal(flow.From);
            var toEnterprise = !ExternalNode.IsExternal(flow.To);
            var delivered = fromEnterprise && (toEnterprise || flow.To == ExternalNode.Market);
            var received = toEnterprise;
            if (flow.Quantity is not { } q)
            {
                if (received)
                {
                    unknown[flow.To] = unknown.GetValueOrDefault(flow.To) + 1;
                }

                if (delivered)
                {
                    unknown[flow.From] = unknown.GetValueOrDefault(flow.From) + 1;
                }

                continue;
            }

            var amount = q.ConvertTo(carrier.Material.Unit).Value;
            if (received)
            {
                Of(held, flow.To, carrier.Material.Id).In += amount;
            }

            if (delivered)
            {
                Of(held, flow.From, carrier.Material.Id).Out += amount;
            }

            if (carrier.Scope2Factor is { } f && !carrier.Feedstock)
            {
                if (!fromEnterprise && received)
                {
                    boundaryElectricityT += carrier.IsElectricity ? amount * f : 0;
                    boundaryHeatT += carrier.IsElectricity ? 0 : amount * f;
                }
                else if (delivered && !toEnterprise)
                {
                    boundaryElectricityT -= carrier.IsElectricity ? amount * f : 0;
                    boundaryHeatT -= carrier.IsElectricity ? 0 : amount * f;
                }
            }
        }

        var enterprisesEnergy = new List<EnterpriseEnergy>(dataset.Enterprises.Count);
        var enterprisesCarbon = new List<EnterpriseCarbon>(dataset.Enterprises.Count);
        var parkByCarrier = new Dictionary<string, (decimal Quantity, decimal Tce)>(StringComparer.Ordinal);
        decimal parkTce = 0, parkEquivalent = 0, production = 0, parkScope1 = 0;
        decimal? parkDeclared = 0;
        foreach (var enterprise in dataset.Enterprises)
        {
            decimal tce = 0, equivalent = 0, scope1 = 0, scope2 = 0;
            var byCarrier = new List<CarrierUse>();
            if (held.TryGetValue(enterprise.Id, out var nets))
            {
                foreach (var (materialId, net) in nets.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    var carrier = _carriers[materialId]!;
                    var quantity = net.In - net.Out;
                    var consumed = Math.Max(0m, quantity);
                    if (carrier.Combustion is { } c)
                    {
                        scope1 += consumed * c;
                    }

                    if (carrier.Scope2Factor is { } s2)
                    {
                        scope2 += consumed * s2;
                    }

                    if (!carrier.IsEnergy)
                    {
                        continue; // a process input: carbon only
                    }

                    var carrierTce = quantity * carrier.TcePerUnit;
                    tce += carrierTce;
                    equivalent += quantity * carrier.EquivalentTcePerUnit;
                    byCarrier.Add(new CarrierUse(materialId, Round(quantity), carrier.Material.Unit.Symbol, Round(carrierTce)));
                    var sum = parkByCarrier.GetValueOrDefault(materialId);
                    parkByCarrier[materialId] = (sum.Quantity + quantity, sum.Tce + carrierTce);
                }
            }

            // A net producer (PV) consumes nothing; what it delivers and others use in the park is park production.
            if (tce < 0)
            {
                production -= tce;
                tce = 0;
            }

            equivalent = Math.Max(0m, equivalent);
            parkTce += tce;
            parkEquivalent += equivalent;
            parkScope1 += scope1;
            parkDeclared = enterprise.EnergyTce is { } declared ? parkDeclared + declared : null;
            enterprisesEnergy.Add(new EnterpriseEnergy(enterprise.Id, Round(tce), Round(equivalent), enterprise.EnergyTce,
                enterprise.EnergyTce is { } d ? Round(tce - d) : null, unknown.GetValueOrDefault(enterprise.Id), byCarrier));
            enterprisesCarbon.Add(new EnterpriseCarbon(enterprise.Id, Round(scope1), Round(scope2)));
        }

        var park = new ParkEnergy(Round(parkTce), Round(parkEquivalent), parkDeclared, parkDeclared is { } pd ? Round(parkTce - pd) : null, Round(production),
            [.. parkByCarrier.Where(kv => kv.Value.Quantity != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new CarrierUse(kv.Key, Round(kv.Value.Quantity), _carriers[kv.Key]!.Material.Unit.Symbol, Round(kv.Value.Tce)))]);
        var sources = new List<string>
        {
            "GB/T 2589-2020 综合能耗计算通则: 1 tce = 29.3076 GJ; electricity at calorific value 0.1229 kgce/kWh; feedstock excluded (发改环资〔2022〕803号)",
            $"electricity at equivalent value {options.GenerationCoalRateKgcePerKwh} kgce/kWh: {options.GenerationCoalRateSource}",
        };
        var energy = new EnergyReport(enterprisesEnergy, park, ElectricityTcePerMwh, options.GenerationCoalRateKgcePerKwh, sources);
        var parkScope2 = Math.Max(0m, boundaryElectricityT) + Math.Max(0m, boundaryHeatT);
        var carbonPark = new ParkCarbon(Round(parkScope1), Round(parkScope2), Round(parkScope1 + parkScope2));
        var used = _carriers.Values.Where(c => c is not null && (c.Combustion is not null || c.Scope2Factor is not null))
            .Select(c => factors.Factor(c!.Material.Id)!).OrderBy(f => f.Material, StringComparer.Ordinal).ToList();
        return new ParkAccounts(energy, new CarbonReport(enterprisesCarbon, carbonPark, used));
    }

    /// <summary>Calorific value of electricity, tce per MWh (GB/T 2589-2020: 0.1229 kgce/kWh).</summary>
    public const decimal ElectricityTcePerMwh = 0.1229m;

    private static Net Of(Dictionary<string, Dictionary<string, Net>> held, string enterprise, string material)
    {
        if (!held.TryGetValue(enterprise, out var nets))
        {
            held[enterprise] = nets = new Dictionary<string, Net>(StringComparer.Ordinal);
        }

        if (!nets.TryGetValue(material, out var net))
        {
            nets[material] = net = new Net();
        }

        return net;
    }

    /// <summary>The carrier this flow counts as, or null when it counts in neither account.</summary>
    private Carrier? Classify(Flow flow)
    {
        var carrier = CarrierOf(flow.MaterialId);
        if (carrier is null)
        {
            return null;
        }

        if (!carrier.IsEnergy)
        {
            return carrier; // a process input (limestone): its CO2 counts where it is used, whatever the role
        }

        var role = flow.RoleOf(carrier.Material);
        if (role == FlowRole.Feedstock)
        {
            // Energy used as raw material (原料用能) is not energy consumption, and its carbon goes into products.
            return null;
        }

        if (carrier.IsEnergy && (role == FlowRole.Fuel || carrier.InItself))
        {
            return carrier;
        }

        return null;
    }

    private Carrier? CarrierOf(string materialId)
    {
        if (_carriers.TryGetValue(materialId, out var known))
        {
            return known;
        }

        var material = dataset.Material(materialId);
        var gj = material.GigajoulesPerUnit(out _);
        var electricity = EmissionFactors.IsElectricity(material);
        var heat = EmissionFactors.IsHeat(material);
        var factor = factors.TCo2PerUnit(materialId);
        Carrier? carrier = null;
        if (gj is not null && material.Category != MaterialCategory.Emission)
        {
            var tce = material.TceOfUnit()!.Value;
            var equivalentTce = electricity
                ? factors.Options.GenerationCoalRateKgcePerKwh * material.Unit.ToBase / Unit.MegawattHour.ToBase
                : tce;
            if (electricity)
            {
                tce = ElectricityTcePerMwh * material.Unit.ToBase / Unit.MegawattHour.ToBase;
            }

            carrier = new Carrier(material, true, tce, equivalentTce,
                InItself: material.Unit.Dimension == Dimension.Energy || material.Category is MaterialCategory.Energy or MaterialCategory.Steam or MaterialCategory.WasteHeat,
                IsElectricity: electricity,
                Combustion: electricity || heat ? null : factor,
                Scope2Factor: electricity || heat ? factor : null,
                Feedstock: false);
        }

        // A material without energy content but with a factor is a process input: CO2 when used (limestone calcined).
        var process = carrier is null && material.Category != MaterialCategory.Emission && !electricity && !heat && factor is { } pf
            ? new Carrier(material, false, 0, 0, false, false, pf, null, Feedstock: true)
            : null;
        _carriers[materialId] = carrier ?? process;
        return _carriers[materialId];
    }

    private static decimal Round(decimal value) => Math.Round(value, 3);

    private sealed class Net
    {
        public decimal In { get; set; }

        public decimal Out { get; set; }
    }

    private sealed record Carrier(
        Material Material,
        bool IsEnergy,
        decimal TcePerUnit,
        decimal EquivalentTcePerUnit,
        bool InItself,
        bool IsElectricity,
        decimal? Combustion,
        decimal? Scope2Factor,
        bool Feedstock);
}
