using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>
/// An enterprise between the Domain and the grain messages, both directions in one place, so a column added to one
/// side is added to the other (the live park once dropped value added this way).
/// </summary>
public static class EnterpriseMapping
{
    /// <summary>An enterprise as its grain holds it.</summary>
    public static EnterpriseProfile ToProfile(Enterprise e, string parkId) => new(
        e.Id, e.Name, e.NameEn, e.ZoneId, e.Chains, e.Sector, e.Latitude, e.Longitude,
        e.Status, e.OutputValue10kCny, e.EnergyTce, e.AboveSize, parkId)
    {
        Capabilities = e.Capabilities,
        Licences = e.Licences,
        EndDate = e.EndDate,
        ValueAdded10kCny = e.ValueAdded10kCny,
        RecirculatedWaterM3 = e.RecirculatedWaterM3,
        NewEnergyCapacityMw = e.NewEnergyCapacityMw,
        NewEnergyType = e.NewEnergyType,
        BalanceExempt = e.BalanceExempt,
        Source = e.Source,
    };

    /// <summary>
    /// The Domain's enterprise from its grain's profile. The fallbacks for unknown codes are never taken for a
    /// contribution the park admits: <see cref="ContributionCheck"/> quarantines one with an unknown code.
    /// </summary>
    public static Enterprise ToEnterprise(EnterpriseProfile p) => new(
        p.Id, p.Name, p.NameEn, p.Zone,
        p.Chains, p.Sector, p.Latitude, p.Longitude,
        p.Status, p.OutputValue10kCny, p.EnergyTce, p.AboveSize, p.Source)
    {
        Capabilities = p.Capabilities,
        Licences = p.Licences,
        EndDate = p.EndDate,
        ValueAdded10kCny = p.ValueAdded10kCny,
        RecirculatedWaterM3 = p.RecirculatedWaterM3,
        NewEnergyCapacityMw = p.NewEnergyCapacityMw,
        NewEnergyType = p.NewEnergyType,
        BalanceExempt = p.BalanceExempt,
    };
}
