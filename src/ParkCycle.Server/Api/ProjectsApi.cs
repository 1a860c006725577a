using System.Security.Claims;
using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Server.Api;

/// <summary>
/// Retrofit and clean-up projects reported live: registered and their progress reported by an enterprise for
/// itself or by an administrator for any; validated by the one progress rule the dataset reader also uses
/// (<see cref="ProgressRule"/>, applied in the project grain); audited like every state-changing request; the
/// park's live forecast refreshes on the next read.
/// </summary>
public static class ProjectsApi
{
    /// <summary>Maps <c>/projects</c> under a park's route group (<c>/api/parks/{parkId}</c>, which answers 404 for an unknown park).</summary>
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder parks)
    {
        var projects = parks.MapGroup("/projects").RequireAuthorization();
        projects.MapGet("/", ListProjects);
        projects.MapPost("/", RegisterProject);
        projects.MapGet("/{id}", GetProject);
        projects.MapPost("/{id}/progress", ReportProgress);
        return parks;
    }

    private static async Task<IResult> ListProjects(string parkId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var index = await grains.GetGrain<IParkProjectsGrain>(parkId).GetAsync();
        var all = await Task.WhenAll(index.ProjectIds.Select(id => grains.GetGrain<IRetrofitProjectGrain>(id).GetAsync()));
        return TypedResults.Ok(all.OfType<ProjectInfo>().Where(p => ApiChecks.MayRead(user, p.Enterprise)).ToList());
    }

    private static async Task<IResult> GetProject(string parkId, string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        // Another enterprise's project is answered as if it did not exist: whether it does is not told.
        return await Find(grains, parkId, id) is { } project && ApiChecks.MayRead(user, project.Enterprise) ? TypedResults.Ok(project) : NotFound(parkId, id);
    }

    private static async Task<IResult> RegisterProject(string parkId, ProjectRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Require(errors, request.Id, "id");
        Require(errors, request.Enterprise, "enterprise");
        Require(errors, request.Type, "type");
        if (request.Start is null)
        {
            errors["start"] = ["a value is required"];
        }

        if (request.Type is not null && !Codes<ProjectType>.TryParse(request.Type, out _))
        {
            errors["type"] = [$"'{request.Type}' is not one of: {string.Join(", ", Codes<ProjectType>.All)}"];
        }

        if (request.Id is not null && !Identifier.IsValid(request.Id))
        {
            errors["id"] = [$"'{Clip(request.Id)}' is not an identifier: {Identifier.Grammar}"];
        }

        // The dataset's ranges (projects.csv): an API-registered project is read back by the same forecast.
        InRange(errors, request.Budget10kCny, "budget_10k_cny");
        InRange(errors, request.Subsidy10kCny, "subsidy_10k_cny");
        if (!errors.ContainsKey("budget_10k_cny") && !errors.ContainsKey("subsidy_10k_cny") && request.Subsidy10kCny > (request.Budget10kCny ?? 0))
        {
            errors["subsidy_10k_cny"] = ["budget and subsidy are zero or more, and the subsidy is no more than the budget"];
        }

        if (request.Start is { } start && request.PlannedEnd is { } end && end < start)
        {
            errors["planned_end"] = [$"planned end {end:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}"];
        }

        if (request.Enterprise is not null && !ApiChecks.MayWrite(user, request.Enterprise))
        {
            return ApiChecks.Forbidden();
        }

        if (request.Enterprise is not null && await grains.GetGrain<IEnterpriseGrain>(request.Enterprise).GetProfileAsync() is var profile && profile?.ParkId != parkId)
        {
            errors.TryAdd("enterprise", [$"unknown enterprise '{request.Enterprise}' in park '{parkId}'"]);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var grain = grains.GetGrain<IRetrofitProjectGrain>(request.Id!);
        if (await grain.GetAsync() is not null)
        {
            return TypedResults.Problem(title: $"project '{request.Id}' is already registered", statusCode: StatusCodes.Status409Conflict);
        }

        Codes<ProjectType>.TryParse(request.Type, out var type); // checked above
        var project = new ProjectInfo(request.Id!, request.Enterprise!, type, request.Start!.Value, request.PlannedEnd, ProjectStatus.Planned, null, [],
            request.Budget10kCny, request.Subsidy10kCny);
        await grain.RegisterAsync(project);
        await grains.GetGrain<IParkProjectsGrain>(parkId).AddAsync([project.Id]);
        return TypedResults.Created($"/api/parks/{parkId}/projects/{project.Id}", project);
    }

    private static async Task<IResult> ReportProgress(string parkId, string id, ProgressRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (await Find(grains, parkId, id) is not { } project || !ApiChecks.MayRead(user, project.Enterprise))
        {
            return NotFound(parkId, id);
        }

        if (!ApiChecks.MayWrite(user, project.Enterprise))
        {
            return ApiChecks.Forbidden();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.PercentComplete is null)
        {
            errors["percent_complete"] = ["a value is required"];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.Date is null)
        {
            errors["date"] = ["a value is required"];
        }
        else if (request.Date > today)
        {
            errors["date"] = [$"{request.Date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): report progress made, not planned"];
        }

        Text(errors, request.Note, "note");
        Text(errors, request.Milestone, "milestone");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rejected = await grains.GetGrain<IRetrofitProjectGrain>(id).ReportProgressAsync(new ProgressUpdate(request.Date!.Value, request.PercentComplete!.Value, request.Note, request.Milestone));
        if (rejected.Count > 0)
        {
            return TypedResults.ValidationProblem(rejected.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()));
        }

        await grains.GetGrain<IParkProjectsGrain>(parkId).ChangedAsync();
        return TypedResults.Created($"/api/parks/{parkId}/projects/{id}", await grains.GetGrain<IRetrofitProjectGrain>(id).GetAsync());
    }

    /// <summary>The project when it is registered in the park, else null.</summary>
    private static async Task<ProjectInfo?> Find(IGrainFactory grains, string parkId, string id)
    {
        var index = await grains.GetGrain<IParkProjectsGrain>(parkId).GetAsync();
        return index.ProjectIds.Contains(id, StringComparer.Ordinal) ? await grains.GetGrain<IRetrofitProjectGrain>(id).GetAsync() : null;
    }

    private static void Require(Dictionary<string, string[]> errors, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["a value is required"];
        }
    }

    private static void InRange(Dictionary<string, string[]> errors, decimal? value, string field)
    {
        if (value is { } v && !Domain.Datasets.PhysicalRanges.Money10kCny.Contains(v))
        {
            errors[field] = [Domain.Datasets.PhysicalRanges.Money10kCny.Refusal(v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }
    }

    private static void Text(Dictionary<string, string[]> errors, string? value, string field)
    {
        if (value is not null && Domain.Datasets.TextLimits.Problem(value) is { } problem)
        {
            errors[field] = [problem];
        }
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static IResult NotFound(string parkId, string id) =>
        TypedResults.Problem(title: $"no project '{id}' in park '{parkId}'", statusCode: StatusCodes.Status404NotFound);
}
