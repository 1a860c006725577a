using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>A park's dataset versions (<c>GET /api/parks/{park}/versions</c>); each version's dataset and analysis are read through <c>?version=N</c>.</summary>
internal static class VersionsApi
{
    public static RouteGroupBuilder MapVersionsApi(this RouteGroupBuilder parks)
    {
        parks.MapGet("/versions", async (string parkId, IGrainFactory grains) =>
                TypedResults.Ok((await grains.GetGrain<IParkGrain>(parkId).GetVersionsAsync()).Select(v => new VersionListing(v.Version, v.ReferenceYear, v.ImportedAt, v.Enterprises, v.Flows))))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        return parks;
    }

    /// <summary>The version grain of <paramref name="version"/>, or a 404 naming the versions there are.</summary>
    internal static async Task<(IParkVersionGrain? Grain, IResult? Problem)> FindAsync(IGrainFactory grains, string parkId, int version)
    {
        var versions = await grains.GetGrain<IParkGrain>(parkId).GetVersionsAsync();
        if (versions.All(v => v.Version != version))
        {
            var known = versions.Count == 0 ? "none" : $"1 to {versions[^1].Version}";
            return (null, Results.Problem(title: $"park '{parkId}' has no dataset version {version} (versions: {known})", statusCode: StatusCodes.Status404NotFound));
        }

        return (grains.GetGrain<IParkVersionGrain>(IParkVersionGrain.Key(parkId, version)), null);
    }

    /// <summary>One line of the version list; the wire form of <see cref="DatasetVersionInfo"/>.</summary>
    internal sealed record VersionListing(int Version, int? ReferenceYear, DateTimeOffset ImportedAt, int Enterprises, int Flows);
}
