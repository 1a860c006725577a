using System.Globalization;
using ParkCycle.Domain.Datasets;

namespace ParkCycle.Forecasting;

/// <summary>
/// Reads the EPA's NPL site file (<c>npl-sites.csv</c>: UTF-8 with BOM, M/D/YYYY dates, quoted HTML fields)
/// through the same CSV reader as datasets. Sites without a listing date (proposed only) are skipped.
/// </summary>
public static class SuperfundAdapter
{
    /// <summary>Every listed site in the file; a missing required column is a <see cref="DatasetException"/> naming it.</summary>
    public static IReadOnlyList<SuperfundSite> Read(string path)
    {
        var problems = new List<DatasetError>();
        var table = CsvTableReader.ReadFile(path, Path.GetFileName(path), problems, 256L * 1024 * 1024)
            ?? throw new DatasetException(problems);
        foreach (var column in new[] { "Site_EPA_ID", "Listing_Date", "Construction_Completion_Date" })
        {
            if (!table.HasColumn(column))
            {
                throw new DatasetException([table.ErrorInHeader(column, $"missing required column '{column}'")]);
            }
        }

        var sites = new List<SuperfundSite>();
        foreach (var row in table.Rows)
        {
            if (Date(table.Get(row, "Listing_Date")) is not { } listed)
            {
                continue;
            }

            sites.Add(new SuperfundSite(
                table.Get(row, "Site_EPA_ID") ?? string.Empty,
                table.Get(row, "Site_Name") ?? string.Empty,
                listed,
                Date(table.Get(row, "Construction_Completion_Date")),
                double.TryParse(table.Get(row, "Site_Score"), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null,
                int.TryParse(table.Get(row, "Region_ID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var region) ? region : 0,
                table.Get(row, "State") ?? string.Empty));
        }

        return sites;
    }

    private static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text, ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
