using System.Text;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// One problem found in a dataset: the file, the line in that file (the header is line 1; null for a
/// JSON document or a whole-file problem), the column (a CSV column name, or a JSON path such as
/// <c>flows[3].quantity</c>) and a plain reason.
/// </summary>
public sealed record DatasetError(string File, int? Line, string? Column, string Reason, Severity Severity = Severity.Error)
{
    /// <summary>The problem as users read it: <c>file:line: column: reason</c>, with <c>warning:</c> before a warning's reason, e.g. <c>flows.csv:12: unit: 'GJ' needs lhv_gj_per_unit for material 'limestone'</c>.</summary>
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
