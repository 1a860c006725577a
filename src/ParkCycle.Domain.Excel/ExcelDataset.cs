using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Domain.Excel;

/// <summary>
/// The dataset format as one Excel workbook: a sheet per table named as the CSV file without <c>.csv</c>
/// (<c>zones</c>, <c>enterprises</c>, <c>flows</c>, …) with a header row, and a <c>dataset</c> sheet of
/// <c>field, value</c> rows for the manifest. Reading turns each sheet into the CSV table it stands for, so the
/// workbook is validated exactly like a folder (errors name the sheet as <c>flows.csv</c> and its row number).
/// </summary>
public static class ExcelDataset
{
    /// <summary>The dataset's files (as <see cref="DatasetReader.ReadFiles"/> takes them) from an .xlsx workbook.</summary>
    public static IReadOnlyDictionary<string, byte[]> ToFiles(Stream xlsx)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no sheets");
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        foreach (var sheet in workbook.Workbook.Descendants<Sheet>())
        {
            var name = sheet.Name?.Value?.Trim() ?? string.Empty;
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = Rows(part, strings);
            if (name == "dataset")
            {
                var manifest = rows.Where(r => r.Count >= 2 && r[0].Length > 0).ToDictionary(r => r[0], r => r[1]);
                files[DatasetSchema.ManifestFile] = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
                {
                    id = manifest.GetValueOrDefault("id"),
                    name = manifest.GetValueOrDefault("name"),
                    reference_year = int.TryParse(manifest.GetValueOrDefault("reference_year"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : (int?)null,
                    description = manifest.GetValueOrDefault("description"),
                    provenance = manifest.GetValueOrDefault("provenance"),
                }));
            }
            else if (DatasetSchema.Tables.Any(t => t.Name == name))
            {
                var width = rows.Count == 0 ? 0 : rows[0].Count;
                files[$"{name}.csv"] = Encoding.UTF8.GetBytes(string.Join('\n', rows.Select(r => string.Join(',', r.Concat(Enumerable.Repeat(string.Empty, Math.Max(0, width - r.Count))).Take(width).Select(Quote)))) + (rows.Count > 0 ? "\n" : string.Empty));
            }
        }

        return files;
    }

    /// <summary>Writes a dataset as an .xlsx workbook (the same sheets <see cref="ToFiles"/> reads).</summary>
    public static byte[] Write(ParkDataset dataset)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            void AddSheet(string name, IEnumerable<IReadOnlyList<string>> rows)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in rows)
                {
                    var r = new Row();
                    foreach (var value in row)
                    {
                        r.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                    }

                    data.Append(r);
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            var m = dataset.Manifest;
            AddSheet("dataset", [["field", "value"], ["id", m.Id], ["name", m.Name], ["reference_year", m.ReferenceYear?.ToString(CultureInfo.InvariantCulture) ?? string.Empty],
                ["description", m.Description ?? string.Empty], ["provenance", m.Provenance ?? string.Empty]]);
            foreach (var spec in DatasetSchema.Tables)
            {
                var rows = DatasetWriter.RowsOf(dataset, spec);
                if (spec.RequiredFile || rows.Count > 0)
                {
                    AddSheet(spec.Name, rows.Prepend([.. spec.Columns.Select(c => c.Name)]));
                }
            }
        }

        return buffer.ToArray();
    }

    private static List<List<string>> Rows(WorksheetPart part, List<string> strings)
    {
        var result = new List<List<string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var values = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                // Cells may be sparse: place each by its column letters (A, B, …, AA).
                var column = ColumnIndex(cell.CellReference?.Value) ?? values.Count;
                while (values.Count < column)
                {
                    values.Add(string.Empty);
                }

                values.Add(Value(cell, strings));
            }

            while (result.Count + 1 < (int)(row.RowIndex?.Value ?? (uint)(result.Count + 1)))
            {
                result.Add([]); // keep row numbers equal to the sheet's
            }

            result.Add(values);
        }

        return result;
    }

    private static string Value(Cell cell, List<string> strings)
    {
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var i))
        {
            return strings[i];
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return cell.CellValue?.Text == "1" ? "true" : "false";
        }

        return cell.CellValue?.Text ?? string.Empty;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
