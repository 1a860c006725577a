using System.Security.Claims;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>
/// What the dashboard reads besides the analysis: the parks (for the park selector), the materials a report may
/// name (for the material picker) and the park's declared flows with their zones (for the flow and map views).
/// </summary>
public static class DashboardApi
{
    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/parks", ListParks);
        api.MapGet("/parks/{parkId}/materials", ListMaterials);
        api.MapGet("/parks/{parkId}/flows", ListFlows).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        api.MapPost("/export/xlsx", ExportTable);
        return app;
    }

    /// <summary>Every park for the park's staff; an enterprise account sees its own park only.</summary>
    private static async Task<IResult> ListParks(ClaimsPrincipal user, IGrainFactory grains)
    {
        var parks = await grains.GetGrain<IParkDirectoryGrain>(IParkDirectoryGrain.Key).ListAsync();
        if (user.IsInRole(Roles.Enterprise))
        {
            var own = user.FindFirstValue(TokenIssuer.EnterpriseClaim);
            var park = own is null ? null : (await grains.GetGrain<IEnterpriseGrain>(own).GetProfileAsync())?.ParkId;
            parks = [.. parks.Where(p => p.Id == park)];
        }

        return Results.Ok(parks.Select(p => new { id = p.Id, name = p.Name }));
    }

    /// <summary>
    /// The catalogue's materials and the park's own, each with its category and every unit it may be reported in
    /// (the units of the dimensions its category allows, the material's own unit first).
    /// </summary>
    private static async Task<IResult> ListMaterials(string parkId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await DatasetOfAsync(parkId, user, grains) is not { } dataset)
        {
            return UnknownPark(parkId);
        }

        var own = dataset.Materials.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return Results.Ok(dataset.AllMaterials.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => new
        {
            id = m.Id,
            name = m.Name,
            name_en = m.NameEn,
            category = Codes<MaterialCategory>.Of(m.Category),
            unit = m.Unit.Symbol,
            units = UnitsOf(m),
            unit_aliases = AliasesOf(UnitsOf(m)),
            dimension = m.Unit.Dimension.ToString().ToLowerInvariant(),
            park_defined = own.Contains(m.Id),
        }));
    }

    /// <summary>The park's declared flows (quantity null when unknown) with their material's category, and its zones.</summary>
    private static async Task<IResult> ListFlows(string parkId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await DatasetOfAsync(parkId, user, grains) is not { } dataset)
        {
            return UnknownPark(parkId);
        }

        return Results.Ok(new
        {
            park = dataset.Manifest.Id,
            name = dataset.Manifest.Name,
            zones = dataset.Zones.Select(z => new { id = z.Id, name = z.Name, name_en = z.NameEn }),
            flows = dataset.Flows.Select(f =>
            {
                var material = dataset.FindMaterial(f.MaterialId);
                return new
                {
                    id = f.Id,
                    from = f.From,
                    to = f.To,
                    material = f.MaterialId,
                    category = material is null ? null : Codes<MaterialCategory>.Of(material.Category),
                    quantity = f.Quantity?.Value,
                    unit = f.Unit.Symbol,
                    // In the base unit (t, m3 or GJ) of the material's own dimension, so flows of one kind add up
                    // whatever unit each was reported in.
                    base_quantity = BaseQuantity(f, material),
                    dimension = (material?.Unit ?? f.Unit).Dimension.ToString().ToLowerInvariant(),
                    status = Codes<FlowStatus>.Of(f.Status),
                };
            }),
        });
    }

    private const int MaxExportRows = 20_000;
    private const int MaxExportColumns = 40;
    private const int MaxCellChars = 4_000;

    /// <summary>
    /// Writes the table the dashboard shows (plan, opportunities, gaps) as an .xlsx workbook: the rows are what the
    /// caller already read, so nothing new is disclosed; numbers stay numbers. Bounded in rows, columns and cell size.
    /// </summary>
    private static IResult ExportTable(System.Text.Json.JsonElement body)
    {
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object
            || !body.TryGetProperty("columns", out var columns) || columns.ValueKind != System.Text.Json.JsonValueKind.Array
            || !body.TryGetProperty("rows", out var rows) || rows.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["expected {name, columns: [..], rows: [[..]]}"] });
        }

        if (columns.GetArrayLength() > MaxExportColumns || rows.GetArrayLength() > MaxExportRows)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["rows"] = [$"at most {MaxExportRows} rows of {MaxExportColumns} columns"] });
        }

        var name = body.TryGetProperty("name", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String ? n.GetString()! : "export";
        var safe = new string([.. name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(80)]);
        using var buffer = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(buffer, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheets = workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            var part = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            data.Append(Row(columns));
            foreach (var row in rows.EnumerateArray())
            {
                data.Append(Row(row));
            }

            part.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
            sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "ParkCycle" });
        }

        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{(safe.Length > 0 ? safe : "export")}.xlsx");
    }

    private static DocumentFormat.OpenXml.Spreadsheet.Row Row(System.Text.Json.JsonElement values)
    {
        var row = new DocumentFormat.OpenXml.Spreadsheet.Row();
        if (values.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return row;
        }

        foreach (var value in values.EnumerateArray().Take(MaxExportColumns))
        {
            row.Append(value.ValueKind == System.Text.Json.JsonValueKind.Number
                ? new DocumentFormat.OpenXml.Spreadsheet.Cell { DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(value.GetRawText()) }
                : new DocumentFormat.OpenXml.Spreadsheet.Cell
                {
                    DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                    InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clip(value))),
                });
        }

        return row;
    }

    private static string Clip(System.Text.Json.JsonElement value)
    {
        var text = value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => value.GetString() ?? string.Empty,
            System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => string.Empty,
            _ => value.GetRawText(),
        };
        // Control characters other than tab and newline are not allowed in the sheet's XML.
        var clean = new string([.. text.Where(c => c is '\t' or '\n' || !char.IsControl(c)).Take(MaxCellChars)]);
        // A leading = + - @ would make Excel read the cell as a formula.
        return clean.Length > 0 && clean[0] is '=' or '+' or '-' or '@' ? "'" + clean : clean;
    }

    private static decimal? BaseQuantity(Flow flow, Material? material)
    {
        if (flow.Quantity is not { } q)
        {
            return null;
        }

        if (material is null)
        {
            return q.Value * q.Unit.ToBase;
        }

        return material.TryConvert(q, Unit.BaseOf(material.Unit.Dimension), out var converted, out _) ? converted.Value : null;
    }

    /// <summary>The material's own unit first, then every unit its properties convert it to (density, calorific value, …).</summary>
    private static IReadOnlyList<string> UnitsOf(Material material) =>
        [material.Unit.Symbol, .. Unit.All.Where(u => u != material.Unit && material.TryConvert(new Quantity(1m, material.Unit), u, out _, out _)).Select(u => u.Symbol)];

    /// <summary>The other spellings the API accepts for each of these units (吨 for t, 方 for m3, …).</summary>
    private static Dictionary<string, string[]> AliasesOf(IEnumerable<string> symbols) =>
        symbols.ToDictionary(s => s, s => Unit.Aliases.Where(a => a.Value.Symbol == s).Select(a => a.Key).ToArray(), StringComparer.Ordinal);

    /// <summary>The park's current model as its export gives it, or null for a park not in the directory (or not the caller's).</summary>
    private static async Task<ParkDataset?> DatasetOfAsync(string parkId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var parks = await grains.GetGrain<IParkDirectoryGrain>(IParkDirectoryGrain.Key).ListAsync();
        if (!parks.Any(p => p.Id == parkId))
        {
            return null;
        }

        if (user.IsInRole(Roles.Enterprise))
        {
            var own = user.FindFirstValue(TokenIssuer.EnterpriseClaim);
            if (own is null || (await grains.GetGrain<IEnterpriseGrain>(own).GetProfileAsync())?.ParkId != parkId)
            {
                return null;
            }
        }

        var json = await grains.GetGrain<IParkGrain>(parkId).ExportAsync("json");
        return Domain.Datasets.DatasetReader.ReadJsonDocument(json, $"{parkId}.json", Domain.Datasets.CatalogReader.Default).Dataset;
    }

    private static IResult UnknownPark(string parkId) =>
        Results.Problem(title: $"unknown park '{parkId}'", statusCode: StatusCodes.Status404NotFound);
}
