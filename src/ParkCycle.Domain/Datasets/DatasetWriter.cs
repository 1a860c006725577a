using System.Globalization;
using System.Text;
using System.Text.Json;
using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// Writes a dataset in format v1, as a CSV folder or one JSON document. Columns come in canonical order
/// and numbers keep the digits they were read with, so CSV → model → CSV and CSV → JSON → CSV are exact.
/// </summary>
public static class DatasetWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Writes <c>dataset.json</c> and the non-empty tables' CSV files into a folder.</summary>
    public static void WriteFolder(ParkDataset dataset, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in ToFiles(dataset))
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }

    /// <summary>The dataset's files by name, as <see cref="WriteFolder"/> writes them (for zips and downloads).</summary>
    public static IReadOnlyDictionary<string, byte[]> ToFiles(ParkDataset dataset)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [DatasetSchema.ManifestFile] = ManifestJson(dataset.Manifest),
        };
        foreach (var spec in DatasetSchema.Tables)
        {
            var rows = RowsOf(dataset, spec);
            if (spec.RequiredFile || rows.Count > 0)
            {
                files[spec.FileName] = Utf8NoBom.GetBytes(ToCsv(spec, rows));
            }
        }

        return files;
    }

    /// <summary>One table as CSV text: header row, LF line ends, quoting only where needed.</summary>
    public static string ToCsv(TableSpec spec, IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows as IReadOnlyList<IReadOnlyList<string>> ?? [.. rows];
        var written = WrittenColumns(spec, list);
        var sb = new StringBuilder();
        sb.AppendJoin(',', written.Select(i => Escape(spec.Columns[i].Name))).Append('\n');
        foreach (var row in list)
        {
            sb.AppendJoin(',', written.Select(i => Escape(row[i]))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The columns a table is written with: all but the <see cref="ColumnSpec.OmitWhenBlank"/> ones no row uses, so older datasets keep their exact shape.</summary>
    private static List<int> WrittenColumns(TableSpec spec, IReadOnlyList<IReadOnlyList<string>> rows) =>
        [.. Enumerable.Range(0, spec.Columns.Count).Where(i => !spec.Columns[i].OmitWhenBlank || rows.Any(r => r[i].Length > 0))];

    /// <summary>The whole dataset as one JSON document (manifest fields plus one array per table).</summary>
    public static byte[] ToJson(ParkDataset dataset)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteManifestFields(json, dataset.Manifest);
            foreach (var spec in DatasetSchema.Tables)
            {
                var rows = RowsOf(dataset, spec);
                if (!spec.RequiredFile && rows.Count == 0)
                {
                    continue;
                }

                json.WriteStartArray(spec.Name);
                var written = WrittenColumns(spec, rows);
                foreach (var row in rows)
                {
                    json.WriteStartObject();
                    foreach (var i in written)
                    {
                        if (!spec.Columns[i].OmitWhenBlank || row[i].Length > 0)
                        {
                            WriteCell(json, spec.Columns[i], row[i]);
                        }
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteCell(Utf8JsonWriter json, ColumnSpec column, string value)
    {
        if (value.Length == 0)
        {
            json.WriteNull(column.Name);
            return;
        }

        switch (column.Kind)
        {
            case ColumnKind.Number:
                // Raw digits keep the written scale (1.50 stays 1.50) so the round trip is exact.
                json.WritePropertyName(column.Name);
                json.WriteRawValue(value);
                break;
            case ColumnKind.Boolean:
                json.WriteBoolean(column.Name, value == "true");
                break;
            case ColumnKind.List:
                json.WriteStartArray(column.Name);
                foreach (var item in value.Split(';'))
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteString(column.Name, value);
                break;
        }
    }

    private static byte[] ManifestJson(DatasetManifest manifest)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteManifestFields(json, manifest);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteManifestFields(Utf8JsonWriter json, DatasetManifest manifest)
    {
        json.WriteString("id", manifest.Id);
        json.WriteString("name", manifest.Name);
        if (manifest.ReferenceYear is { } year)
        {
            json.WriteNumber("reference_year", year);
        }
        else
        {
            json.WriteNull("reference_year");
        }

        json.WriteString("description", manifest.Description);
        json.WriteString("provenance", manifest.Provenance);
    }

    /// <summary>A table's rows as text cells in the spec's column order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> RowsOf(ParkDataset dataset, TableSpec spec) => spec.Name switch
    {
        "zones" => [.. dataset.Zones.Select(z => Row(z.Id, z.Name, z.NameEn))],
        "enterprises" => [.. dataset.Enterprises.Select(e => Row(
            e.Id, e.Name, e.NameEn, e.ZoneId, string.Join(';', e.Chains.Select(Codes<Chain>.Of)), e.Sector,
            Num(e.Latitude), Num(e.Longitude), Codes<EnterpriseStatus>.Of(e.Status), Num(e.OutputValue10kCny), Num(e.EnergyTce),
            e.AboveSize switch { true => "true", false => "false", null => null }, e.Source,
            Num(e.ValueAdded10kCny),
            List(e.Capabilities), List(e.Licences), Date(e.EndDate), Num(e.RecirculatedWaterM3), Num(e.NewEnergyCapacityMw),
            e.NewEnergyType is { } type ? Codes<NewEnergyType>.Of(type) : null, e.BalanceExempt))],
        "materials" => [.. dataset.Materials.Select(MaterialRow)],
        "flows" => [.. dataset.Flows.Select(f => Row(
            f.Id, f.From, f.To, f.MaterialId, Num(f.Quantity?.Value), f.Unit.Symbol, Codes<FlowStatus>.Of(f.Status), f.Source,
            f.Role is { } role ? Codes<FlowRole>.Of(role) : null, Num(f.UncertaintyPercent)))],
        "substitutions" => [.. dataset.Substitutions.Select(SubstitutionRow)],
        "projects" => [.. dataset.Projects.Select(p => Row(
            p.Id, p.EnterpriseId, Codes<ProjectType>.Of(p.Type), Date(p.Start), Date(p.PlannedEnd), Num(p.Budget10kCny),
            Num(p.Subsidy10kCny), Codes<ProjectStatus>.Of(p.Status), Date(p.CompletedOn)))],
        "progress" => [.. dataset.Progress.Select(p => Row(p.ProjectId, Date(p.Date), Num(p.PercentComplete), p.Note))],
        "programmes" => [.. dataset.Programmes.Select(p => Row(p.Id, p.Name, p.NameEn, Num(p.Total), Date(p.Due), p.Source))],
        "programme_progress" => [.. dataset.ProgrammeProgress.Select(p => Row(p.ProgrammeId, Date(p.Date), Num(p.Completed), p.Source))],
        "heat_streams" => [.. dataset.HeatStreams.Select(h => Row(
            h.Id, h.EnterpriseId, Codes<HeatStreamKind>.Of(h.Kind), Num(h.SupplyTemperatureC), Num(h.TargetTemperatureC), Num(h.CpKwPerK),
            Num(h.DutyKw), Num(h.HoursPerYear), Num(h.DtContributionC), h.Source))],
        "balances" => [.. dataset.Balances.Select(b => Row(b.Id, b.EnterpriseId, b.Scope.ToString()))],
        "prices" => [.. dataset.Prices.Select(p => Row(p.MaterialId, Num(p.CnyPerUnit), p.Source))],
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Name, "not a dataset table"),
    };

    internal static IReadOnlyList<string> MaterialRow(Material m) =>
        Row(m.Id, m.Name, m.NameEn, Codes<MaterialCategory>.Of(m.Category), m.Unit.Symbol, Num(m.TemperatureC), m.HazardousCode,
            Num(m.Stated.DensityTPerM3), Num(m.Stated.LhvGjPerUnit), Num(m.Stated.TcePerUnit), Num(m.Stated.Co2TPerUnit),
            Bool(m.Stated.Fossil), Bool(m.Stated.Feedstock), Num(m.Stated.PressureMpa), Num(m.Stated.EnthalpyGjPerT), m.Stated.CatalogId,
            Num(m.Stated.LhvGjPerM3), m.Source);

    private static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };

    internal static IReadOnlyList<string> SubstitutionRow(SubstitutionRule s) =>
        Row(s.Id, s.SourceMaterialId, s.TargetMaterialId, Num(s.Ratio), Num(s.MinTemperatureC), Num(s.MaxDistanceKm), Num(s.Co2eAvoidedPerUnit), s.Reference,
            s.Process, Num(s.MaxShare), s.Requires, Num(s.ProcessingCostCnyPerUnit), s.Quality);

    private static string[] Row(params string?[] cells) => [.. cells.Select(c => c ?? string.Empty)];

    private static string? List(IReadOnlyList<string> codes) => codes.Count == 0 ? null : string.Join(';', codes);

    private static string? Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
