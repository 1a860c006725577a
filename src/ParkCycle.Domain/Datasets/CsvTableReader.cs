using System.Text;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// Reads an RFC 4180 CSV file into a <see cref="Table"/>, reporting problems with the file's own line
/// numbers. Accepts UTF-8 with or without a byte-order mark; a GBK/GB18030 file (what Excel often saves
/// on Chinese Windows) is read correctly and flagged with a warning.
/// </summary>
public static class CsvTableReader
{
    /// <summary>The default size limit for one file: 64 MiB.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a CSV file from disk; returns null and adds errors when it cannot be read as a table.</summary>
    public static Table? ReadFile(string path, string fileLabel, ICollection<DatasetError> problems, long maxFileBytes = DefaultMaxFileBytes)
    {
        var info = new FileInfo(path);
        if (info.Length > maxFileBytes)
        {
            problems.Add(new DatasetError(fileLabel, null, null, $"file is {info.Length:N0} bytes, over the limit of {maxFileBytes:N0} bytes"));
            return null;
        }

        return Read(File.ReadAllBytes(path), fileLabel, problems, maxFileBytes);
    }

    /// <summary>Reads CSV bytes; returns null and adds errors when they cannot be read as a table.</summary>
    public static Table? Read(ReadOnlySpan<byte> bytes, string fileLabel, ICollection<DatasetError> problems, long maxFileBytes = DefaultMaxFileBytes)
    {
        if (bytes.Length > maxFileBytes)
        {
            problems.Add(new DatasetError(fileLabel, null, null, $"file is {bytes.Length:N0} bytes, over the limit of {maxFileBytes:N0} bytes"));
            return null;
        }

        var text = Decode(bytes, fileLabel, problems);
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new DatasetError(fileLabel, null, null, "file is empty: it needs at least a header row"));
            return null;
        }

        return Parse(text, fileLabel, problems);
    }

    private static string? Decode(ReadOnlySpan<byte> bytes, string fileLabel, ICollection<DatasetError> problems)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Excel on Chinese Windows saves "CSV" as GBK; GB18030 is its superset and decodes it exactly.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                var text = gb.GetString(bytes);
                problems.Add(new DatasetError(fileLabel, null, null, "file is not UTF-8; it was read as GBK/GB18030. Save it as \"CSV UTF-8\" to be sure", Severity.Warning));
                return text;
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new DatasetError(fileLabel, null, null, "file is not valid UTF-8 text (nor GBK): save it from Excel as \"CSV UTF-8 (comma delimited)\""));
                return null;
            }
        }
    }

    private static Table? Parse(string text, string fileLabel, ICollection<DatasetError> problems)
    {
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var fieldWasQuoted = false;
        var ok = true;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            // A wholly blank line (Excel adds them at the end) is not a record.
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add((recordLine, fields));
            }

            fields = [];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    quoteLine = line;
                    break;
                case '"':
                    problems.Add(new DatasetError(fileLabel, line, null, "a quote (\") inside an unquoted value: quote the whole value and double the inner quote (\"\")"));
                    ok = false;
                    field.Append(c);
                    break;
                default:
                    if (fieldWasQuoted && !char.IsWhiteSpace(c))
                    {
                        problems.Add(new DatasetError(fileLabel, line, null, "text after a closing quote: a quoted value must end at the comma"));
                        ok = false;
                    }

                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            problems.Add(new DatasetError(fileLabel, quoteLine, null, $"unbalanced quotes: the quote opened on line {quoteLine} is never closed"));
            return null;
        }

        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            EndRecord();
        }

        if (records.Count == 0)
        {
            problems.Add(new DatasetError(fileLabel, null, null, "file is empty: it needs at least a header row"));
            return null;
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in header)
        {
            if (name.Length == 0)
            {
                problems.Add(new DatasetError(fileLabel, 1, null, "the header has a blank column name"));
                ok = false;
            }
            else if (!seen.Add(name))
            {
                problems.Add(new DatasetError(fileLabel, 1, name, "the column appears twice in the header"));
                ok = false;
            }
        }

        var rows = new List<TableRow>(records.Count - 1);
        foreach (var (recLine, values) in records.Skip(1))
        {
            if (values.Count != header.Count)
            {
                problems.Add(new DatasetError(fileLabel, recLine, null, $"the row has {values.Count} values but the header has {header.Count} columns"));
                ok = false;
                continue;
            }

            rows.Add(new TableRow(recLine, values));
        }

        return ok ? new Table(fileLabel, header, rows) : null;
    }
}
