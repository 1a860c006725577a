using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Reconciliation;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary><c>GET /api/parks/{park}/reconciliation</c>: the park's reported flows reconciled under its declared balances.</summary>
public static class ReconciliationApi
{
    /// <summary>Maps the endpoint on the park group (administrators: it names the reports that are likely wrong).</summary>
    public static RouteGroupBuilder MapReconciliation(this RouteGroupBuilder parks)
    {
        parks.MapGet("/reconciliation", GetReconciliation).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return parks;
    }

    private static async Task<IResult> GetReconciliation(string parkId, IGrainFactory grains, double? confidence)
    {
        if (confidence is { } c && (c is <= 0 or >= 1 || double.IsNaN(c)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["confidence"] = ["between 0 and 1 (exclusive), e.g. 0.95"] });
        }

        // The park's immutable snapshot, reconciled here on the thread pool rather than inside a grain turn.
        var json = await grains.GetGrain<IParkGrain>(parkId).ExportAsync("json");
        var report = await Task.Run(() =>
        {
            var park = DatasetReader.ReadJsonDocument(json, $"{parkId}.json", CatalogReader.Default).GetOrThrow();
            return ParkReconciliation.Compute(park, new ParkReconciliationOptions { Confidence = confidence ?? 0.95 });
        });
        return TypedResults.Ok(report);
    }
}
