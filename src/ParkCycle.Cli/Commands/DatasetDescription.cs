using System.Globalization;
using ParkCycle.Domain.Balances;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Cli.Commands;

/// <summary>What <c>describe</c> reports; its JSON shape is documented in docs/cli.md.</summary>
internal sealed record DatasetDescription(
    string Id,
    string Name,
    int? ReferenceYear,
    DescriptionCounts Counts,
    IReadOnlyList<CategoryTotal> TotalsByCategory,
    IReadOnlyList<ZoneTotal> TotalsByZone,
    IReadOnlyList<BalanceLine> Balances)
{
    public static DatasetDescription Of(ParkDataset park)
    {
        var counts = new DescriptionCounts(
            park.Zones.Count,
            park.Enterprises.Count,
            park.Materials.Count,
            park.Flows.Select(f => f.MaterialId).Distinct(StringComparer.Ordinal).Count(),
            park.Flows.Count,
            park.Flows.Count(f => f.Quantity is null),
            park.Flows.Count(f => f.IsInternal),
            park.Substitutions.Count,
            park.Projects.Count);

        var byCategory = park.Flows
            .GroupBy(f => (park.Material(f.MaterialId).Category, f.Unit.Dimension))
            .OrderBy(g => g.Key.Category).ThenBy(g => g.Key.Dimension)
            .Select(g => new CategoryTotal(
                Codes<MaterialCategory>.Of(g.Key.Category),
                Unit.BaseOf(g.Key.Dimension).Symbol,
                g.Count(),
                g.Where(f => f.Quantity is not null).Sum(f => f.Quantity!.Value.BaseValue),
                g.Where(f => f.IsInternal && f.Quantity is not null).Sum(f => f.Quantity!.Value.BaseValue),
                g.Count(f => f.Quantity is null)))
            .ToList();

        var byZone = park.Zones.Select(z =>
        {
            var members = park.Enterprises.Where(e => e.ZoneId == z.Id).ToList();
            return new ZoneTotal(
                z.Id,
                z.Name,
                members.Count,
                SumKnown(members.Select(e => e.OutputValue10kCny)),
                SumKnown(members.Select(e => e.EnergyTce)),
                members.Count(e => e.OutputValue10kCny is null),
                members.Count(e => e.EnergyTce is null));
        }).ToList();

        var names = park.Enterprises.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var balances = EnterpriseBalance.ComputeAll(park).Select(b => new BalanceLine(
            b.EnterpriseId,
            names[b.EnterpriseId],
            b.MassIn.Tonnes,
            b.MassOut.Tonnes,
            b.EnergyIn.Gigajoules,
            b.EnergyOut.Gigajoules,
            b.VolumeIn.CubicMetres,
            b.VolumeOut.CubicMetres,
            b.UnknownInflows,
            b.UnknownOutflows)).ToList();

        return new DatasetDescription(park.Manifest.Id, park.Manifest.Name, park.Manifest.ReferenceYear, counts, byCategory, byZone, balances);
    }

    private static decimal SumKnown(IEnumerable<decimal?> values) => values.Where(v => v is not null).Sum(v => v!.Value);

    public void WriteText(TextWriter o)
    {
        var c = Counts;
        o.WriteLine($"{Name} ({Id}), reference year {ReferenceYear?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
        o.WriteLine($"  {c.Zones} zones, {c.Enterprises} enterprises, {c.MaterialsUsed} materials in use ({c.MaterialsDefined} defined by the dataset), {c.Flows} flows ({c.FlowsInternal} between enterprises, {c.FlowsUnknownQuantity} of unknown quantity), {c.Substitutions} own substitution rules, {c.Projects} projects");
        o.WriteLine();
        o.WriteLine("Totals by material category (annual, base units; 'in-park' = between enterprises)");
        o.WriteLine($"  {"category",-16} {"unit",-4} {"flows",6} {"total",16} {"in-park",16} {"unknown",8}");
        foreach (var t in TotalsByCategory)
        {
            o.WriteLine($"  {t.Category,-16} {t.Unit,-4} {t.Flows,6} {Fmt(t.Total),16} {Fmt(t.InPark),16} {t.UnknownQuantity,8}");
        }

        o.WriteLine();
        o.WriteLine("Totals by zone");
        o.WriteLine($"  {"zone",-22} {"enterprises",11} {"output 10k CNY",16} {"energy tce",14}");
        foreach (var z in TotalsByZone)
        {
            o.WriteLine($"  {z.Zone,-22} {z.Enterprises,11} {Fmt(z.OutputValue10kCny) + Unknown(z.OutputValueUnknown),16} {Fmt(z.EnergyTce) + Unknown(z.EnergyUnknown),14}");
        }

        o.WriteLine();
        o.WriteLine("Enterprise balances (mass t/a, energy GJ/a, water m3/a; '+n?' = n flows of unknown quantity)");
        o.WriteLine($"  {"enterprise",-28} {"mass in",12} {"mass out",12} {"energy in",12} {"energy out",12} {"water in",12} {"water out",12}");
        foreach (var b in Balances)
        {
            var unknown = b.UnknownInflows + b.UnknownOutflows > 0 ? $"  in +{b.UnknownInflows}? out +{b.UnknownOutflows}?" : string.Empty;
            o.WriteLine($"  {b.EnterpriseId,-28} {Fmt(b.MassInT),12} {Fmt(b.MassOutT),12} {Fmt(b.EnergyInGj),12} {Fmt(b.EnergyOutGj),12} {Fmt(b.VolumeInM3),12} {Fmt(b.VolumeOutM3),12}{unknown}");
        }
    }

    private static string Unknown(int count) => count > 0 ? $" (+{count}?)" : string.Empty;

    private static string Fmt(decimal value) => Math.Round(value, 1).ToString("#,0.#", CultureInfo.InvariantCulture);
}
