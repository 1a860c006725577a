using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Server.Api;

/// <summary>The REST API under <c>/api</c>, one file per resource: this only mounts them.</summary>
public static class ParkCycleApi
{
    /// <summary>Maps every <c>/api</c> route.</summary>
    public static WebApplication MapParkCycleApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapAuthApi();

        var parks = api.MapGroup("/parks/{parkId}").RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            // A park that was never loaded is 404 on every route, and asking stores nothing.
            var parkId = (string)context.HttpContext.Request.RouteValues["parkId"]!;
            var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
            return await grains.GetGrain<IParkGrain>(parkId).IsSeededAsync()
                ? await next(context)
                : Results.Problem(title: $"unknown park '{parkId}'", statusCode: StatusCodes.Status404NotFound);
        });
        parks.MapParksApi();
        api.MapDatasetsApi(parks);
        parks.MapHeatApi();
        parks.MapProjectsApi();
        parks.MapReconciliation();
        parks.MapVersionsApi();
        parks.MapKpiHistoryApi();
        parks.MapProgrammesApi();

        api.MapGroup("/enterprises/{id}").RequireAuthorization().MapEnterprisesApi();
        return app;
    }
}
