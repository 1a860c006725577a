namespace ParkCycle.Graph;

/// <summary>Great-circle distances.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;
    /// <summary>Kilometres per degree of latitude (mean Earth radius).</summary>
    public const double KmPerDegree = EarthRadiusKm * Math.PI / 180.0;

    /// <summary>Haversine distance in km; null when either end has no coordinates.</summary>
    public static decimal? DistanceKm(decimal? lat1, decimal? lon1, decimal? lat2, decimal? lon2)
    {
        if (lat1 is not { } a1 || lon1 is not { } o1 || lat2 is not { } a2 || lon2 is not { } o2)
        {
            return null;
        }

        return (decimal)HaversineKm((double)a1, (double)o1, (double)a2, (double)o2);
    }

    /// <summary>Haversine distance in km between two points given in degrees.</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double Rad = Math.PI / 180.0;
        var dLat = (lat2 - lat1) * Rad;
        var dLon = (lon2 - lon1) * Rad;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
