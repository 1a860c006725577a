using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Tests;

/// <summary>Small parks and reports for grain tests; every park gets a fresh id.</summary>
public static class Builders
{
    public static string NewPark() => $"park-{Guid.NewGuid():N}";

    public static EnterpriseProfile Enterprise(string park, string id, decimal lat = 29.50m, decimal lon = 113.47m) =>
        new(id, id, id, "z1", [Chain.BuildingMaterials], null, lat, lon, EnterpriseStatus.Operating, 1000, 100, true, park);

    public static ByproductReport FlyAsh(decimal tonnesPerYear = 1200, string unit = "t") =>
        new("fly-ash", tonnesPerYear, unit, ReportPeriod.Year, new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 1), "class II", 0, OfferVisibility.Park);

    public static NeedReport Clay(decimal tonnesPerYear = 500) =>
        new("clay", tonnesPerYear, "t", ReportPeriod.Year, new DateOnly(2025, 12, 31), null);

    public static Submission Key(string? key = null) => new(key ?? Guid.NewGuid().ToString("N"), "test-user");

    /// <summary>A supplier (CHP) and a consumer (brick works, 1 km away) registered in a new park.</summary>
    public static async Task<(string Park, string Supplier, string Consumer)> TwoEnterprisesAsync(IGrainFactory grains)
    {
        var park = NewPark();
        var supplier = $"{park}-chp";
        var consumer = $"{park}-bricks";
        await grains.GetGrain<IParkGrain>(park).SetupAsync(new ParkSetup(park, park, 2025, [new ZoneInfo("z1", "一区", "zone 1")]));
        await grains.GetGrain<IEnterpriseGrain>(supplier).RegisterAsync(Enterprise(park, supplier), []);
        await grains.GetGrain<IEnterpriseGrain>(consumer).RegisterAsync(Enterprise(park, consumer, lon: 113.48m), []);
        return (park, supplier, consumer);
    }
}
