using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Graph;

namespace ParkCycle.Grains;

/// <summary>
/// Declared imports are standing needs and declared disposals standing offers: the exchanges hold them beside
/// the reports, so a new byproduct report finds the enterprises that buy what it replaces. Their ids are
/// <c>flow:&lt;flow id&gt;</c>. One rule, used when an enterprise registers and when an exchange is rebuilt.
/// </summary>
public static class StandingPositions
{
    public static IEnumerable<(OpenPosition Position, ReportKind Kind)> Of(EnterpriseProfile profile, IEnumerable<DeclaredFlow> flows)
    {
        foreach (var f in flows)
        {
            var material = CatalogReader.Default.Find(f.MaterialId);
            if (material is null || f.Quantity is not { } q || f.Status != FlowStatus.Existing || !Unit.TryParse(f.Unit, out var unit))
            {
                continue;
            }

            var annual = new Quantity(q, unit).ConvertTo(material.Unit).Value;
            var position = new OpenPosition($"flow:{f.Id}", profile.Id, material.Id, annual, profile.Latitude, profile.Longitude, DateOnly.MaxValue) { Holds = Holds(profile) };
            if (OffersAndNeeds.IsNeed(f.From) && f.To == profile.Id)
            {
                yield return (position, ReportKind.Need);
            }
            else if (f.From == profile.Id && OffersAndNeeds.IsOffer(f.To))
            {
                yield return (position, ReportKind.Offer);
            }
        }
    }

    /// <summary>An enterprise's capabilities and licences, as positions carry them.</summary>
    public static IReadOnlyList<string> Holds(EnterpriseProfile profile) =>
        profile.Licences.Count == 0 ? profile.Capabilities : [.. profile.Capabilities, .. profile.Licences];
}
