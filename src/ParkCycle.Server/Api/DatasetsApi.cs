using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>Dataset import (<c>POST /api/datasets</c>) and export (<c>GET /api/parks/{park}/dataset</c>).</summary>
internal static class DatasetsApi
{
    public static void MapDatasetsApi(this RouteGroupBuilder api, RouteGroupBuilder parks)
    {
        api.MapPost("/datasets", ImportDataset).RequireAuthorization(p => p.RequireRole(Roles.Administrator)).DisableAntiforgery()
            .WithMetadata(new BodyLimit(BodyLimit.DatasetBytes));
        parks.MapGet("/dataset", ExportDataset).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<IResult> ExportDataset(string parkId, IGrainFactory grains, ForecastService live, string? format, int? version)
    {
        format ??= "zip";
        if (format is not ("zip" or "json" or "xlsx"))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["one of: zip, json, xlsx"] });
        }

        byte[] bytes;
        if (version is { } n)
        {
            var (grain, problem) = await VersionsApi.FindAsync(grains, parkId, n);
            if (grain is null || await grain.GetDatasetJsonAsync() is not { } json)
            {
                return problem ?? Results.NotFound();
            }

            // A version is stored as its JSON document; the other forms are written from it.
            bytes = format == "json" ? json : Grains.DatasetExport.Encode(Grains.DatasetExport.FromJson(json, $"{parkId} version {n}")!, format);
        }
        else
        {
            // The live park with its projects and their progress as the project grains hold them (progress reported
            // through the API included), so an export is a dataset `parkcycle train` can learn from.
            var park = grains.GetGrain<IParkGrain>(parkId);
            if (Grains.DatasetExport.FromJson(await park.ExportAsync("json"), parkId) is { } snapshot)
            {
                var (projects, progress) = await live.LiveProjectsAsync(parkId);
                var own = projects.Where(p => snapshot.FindEnterprise(p.EnterpriseId) is not null).ToList();
                var ids = own.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
                bytes = Grains.DatasetExport.Encode(snapshot.WithProjects(own, [.. progress.Where(r => ids.Contains(r.ProjectId))]), format);
            }
            else
            {
                bytes = await park.ExportAsync(format); // the snapshot as it is, without the projects
            }
        }

        var type = format switch { "zip" => "application/zip", "xlsx" => Xlsx, _ => "application/json" };
        return Results.File(bytes, type, version is { } v ? $"{parkId}-v{v}.{format}" : $"{parkId}.{format}");
    }

    /// <summary>
    /// Imports a dataset (a zip of the CSV folder, or one JSON document) with the CLI's validation; a dataset with
    /// any error is refused with every problem listed, and nothing is stored. A park that exists gets the dataset as its
    /// next version; with <c>dry_run=true</c> nothing is stored and the answer is what would change.
    /// </summary>
    private static async Task<IResult> ImportDataset(HttpRequest request, IGrainFactory grains, TimeProvider clock, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "dry_run")] bool? dryRun)
    {
        // One import at a time: the memory bound of docs/security.md holds for the server, not per request.
        if (!await Imports.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Results.Problem(title: "another import is running; retry shortly", statusCode: StatusCodes.Status429TooManyRequests);
        }

        try
        {
            return await ImportBoundedAsync(request, grains, clock, dryRun == true);
        }
        catch (Grains.Hosting.ImportBusyException ex)
        {
            // The same park imported through another server of the cluster at this moment: one version at a time.
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Results.Problem(title: ex.Message, statusCode: StatusCodes.Status429TooManyRequests);
        }
        catch (Domain.Datasets.ArchiveTooLargeException ex)
        {
            return Results.Problem(title: $"the archive is over the import limits: {ex.Message}", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        finally
        {
            Imports.Release();
        }
    }

    private static readonly SemaphoreSlim Imports = new(1, 1);

    private static async Task<IResult> ImportBoundedAsync(HttpRequest request, IGrainFactory grains, TimeProvider clock, bool dryRun)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var type = request.ContentType ?? string.Empty;
        Domain.Datasets.DatasetLoadResult result;
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            result = Domain.Datasets.DatasetReader.ReadJsonDocument(bytes, "upload.json", Domain.Datasets.CatalogReader.Default);
        }
        else if (type.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase))
        {
            IReadOnlyDictionary<string, byte[]> files;
            try
            {
                files = Domain.Datasets.ZipFiles.Read(new MemoryStream(bytes), Domain.Datasets.ArchiveLimits.Default);
            }
            catch (InvalidDataException ex)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not a zip archive: {ex.Message}"] });
            }

            result = Domain.Datasets.DatasetReader.ReadFiles(files, Domain.Datasets.CatalogReader.Default);
        }
        else if (type.StartsWith(Xlsx, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                // An xlsx is a zip: its limits are checked by decompressing it once to nowhere before it is parsed.
                Domain.Datasets.ZipFiles.Check(new MemoryStream(bytes), Domain.Datasets.ArchiveLimits.Default);
                result = Domain.Datasets.DatasetReader.ReadFiles(Domain.Excel.ExcelDataset.ToFiles(new MemoryStream(bytes)), Domain.Datasets.CatalogReader.Default);
            }
            catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException
                or System.Xml.XmlException or InvalidOperationException or ArgumentException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not an Excel workbook: {ex.Message}"] });
            }
        }
        else
        {
            return Results.Problem(title: $"send the dataset as application/zip (the CSV folder), application/json (one document) or {Xlsx} (a workbook)", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (result.Dataset is not { } dataset)
        {
            return Results.Problem(title: "the dataset has errors; nothing was stored", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems.Select(p => new { file = p.File, line = p.Line, column = p.Column, reason = p.Reason, severity = p.Severity.ToString().ToLowerInvariant() }).ToList() });
        }

        // Enterprise and project ids belong to one park: a park (new, or a new version) reusing one would move it (and
        // rename it for the other park's users), so the import is refused naming them.
        {
            var profiles = await Task.WhenAll(dataset.Enterprises.Select(e => grains.GetGrain<IEnterpriseGrain>(e.Id).GetProfileAsync()));
            var taken = profiles.Where(p => p is not null && p.ParkId != dataset.Manifest.Id).Select(p => $"{p!.Id} (park {p.ParkId})").ToList();
            var projects = await Task.WhenAll(dataset.Projects.Select(p => grains.GetGrain<IRetrofitProjectGrain>(p.Id).GetAsync()));
            var ownerParks = profiles.Where(p => p is not null).ToDictionary(p => p!.Id, p => p!.ParkId, StringComparer.Ordinal);
            taken.AddRange(projects.Where(p => p is not null && !(ownerParks.TryGetValue(p.Enterprise, out var owner) && owner == dataset.Manifest.Id)).Select(p => $"project {p!.Id}"));
            if (taken.Count > 0)
            {
                return Results.Problem(title: $"park '{dataset.Manifest.Id}' reuses ids that belong to another park; rename them", statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["ids"] = taken.Take(50).ToList() });
            }
        }

        var parkId = dataset.Manifest.Id;
        var exists = await grains.GetGrain<IParkGrain>(parkId).IsSeededAsync();
        if (dryRun)
        {
            return Results.Ok(await DryRunAsync(grains, dataset, exists));
        }

        var version = exists
            ? await Grains.Hosting.DatasetImport.AddVersionAsync(grains, dataset, clock)
            : await Grains.Hosting.DatasetImport.SeedAsync(grains, dataset, clock)
                ? (await grains.GetGrain<IParkGrain>(parkId).GetVersionsAsync())[^1]
                : null;
        if (version is null)
        {
            // Another server loaded the park between the check and the seed.
            return Results.Problem(title: $"park '{parkId}' was loaded meanwhile; send the dataset again to make it a new version", statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Created($"/api/parks/{parkId}/", new { park = parkId, version = version.Version, enterprises = dataset.Enterprises.Count, flows = dataset.Flows.Count });
    }

    /// <summary>
    /// What importing <paramref name="dataset"/> would change, storing nothing: the diff against the park's latest
    /// version (against nothing for a new park) and every KPI before and after, both analysed from the datasets.
    /// </summary>
    private static async Task<object> DryRunAsync(IGrainFactory grains, Domain.Model.ParkDataset dataset, bool exists)
    {
        var parkId = dataset.Manifest.Id;
        var versions = exists ? await grains.GetGrain<IParkGrain>(parkId).GetVersionsAsync() : [];
        var before = exists ? await Grains.Hosting.DatasetImport.CurrentAsync(grains, parkId) : null;
        var empty = new Domain.Model.ParkDataset(dataset.Manifest, [], [], [], [], [], [], [], dataset.Catalog);
        var (kpisBefore, kpisAfter) = await Task.Run(() => (before is null ? null : Graph.ParkAnalyzer.Analyze(before).Kpis, Graph.ParkAnalyzer.Analyze(dataset).Kpis));
        return new
        {
            park = parkId,
            version = versions.Count == 0 ? (exists ? 2 : 1) : versions[^1].Version + 1,
            diff = Domain.Datasets.DatasetDiff.Between(before ?? empty, dataset),
            kpis = Graph.KpiChanges.Between(kpisBefore, kpisAfter),
        };
    }
}
