using System.Text;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// One problem found in a dataset: the file, the line in that file (the header is line 1; null for a
/// JSON document or a whole-file problem), the column (a CSV column name, or a JSON path such as
/// <c>flows[3].quantity</c>) and a plain reason.
/// </summary>
public sealed record DatasetError(string File, int? Line, string? Column, string Reason, Severity Severity = Severity.Error)
{
    public override string ToString()
    {
        var sb = new StringBuilder(File);
        if (Line is { } line)
        {
            sb.Append(':').Append(line);
        }

        if (Column is not null)
        {
            sb.Append(": ").Append(Column);
        }

        sb.Append(": ");
        if (Severity == Severity.Warning)
        {
            sb.Append("warning: ");
        }

        return sb.Append(Reason).ToString();
    }
}
