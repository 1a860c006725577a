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

    private static async Task<IResult> ExportDataset(string parkId, IGrainFactory grains, string? format)
    {
        format ??= "zip";
        if (format is not ("zip" or "json" or "xlsx"))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["one of: zip, json, xlsx"] });
        }

        var bytes = await grains.GetGrain<IParkGrain>(parkId).ExportAsync(format);
        var type = format switch { "zip" => "application/zip", "xlsx" => Xlsx, _ => "application/json" };
        return Results.File(bytes, type, $"{parkId}.{format}");
    }

    /// <summary>
    /// Imports a dataset (a zip of the CSV folder, or one JSON document) with the CLI's validation; a dataset with
    /// any error is refused with every problem listed, and nothing is stored. A park id already loaded is a conflict.
    /// </summary>
    private static async Task<IResult> ImportDataset(HttpRequest request, IGrainFactory grains)
    {
        // One import at a time: the memory bound of docs/security.md holds for the server, not per request.
        if (!await Imports.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Results.Problem(title: "another import is running; retry shortly", statusCode: StatusCodes.Status429TooManyRequests);
        }

        try
        {
            return await ImportBoundedAsync(request, grains);
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

    private static async Task<IResult> ImportBoundedAsync(HttpRequest request, IGrainFactory grains)
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

        // Enterprise and project ids belong to one park: a new park reusing one would move it (and rename it for the
        // other park's users), so the import is refused naming them.
        if (!await grains.GetGrain<IParkGrain>(dataset.Manifest.Id).IsSeededAsync())
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

        if (!await Grains.SeedParkStartupTask.SeedAsync(grains, dataset))
        {
            return Results.Problem(title: $"park '{dataset.Manifest.Id}' is already loaded", statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Created($"/api/parks/{dataset.Manifest.Id}/", new { park = dataset.Manifest.Id, enterprises = dataset.Enterprises.Count, flows = dataset.Flows.Count });
    }
}
