using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// A report's id: its enterprise and its number there, written <c>&lt;enterprise&gt;-r&lt;n&gt;</c> (numbers start at 1 and are
/// never reused). The one place the form is written and read back.
/// </summary>
/// <param name="Enterprise">The enterprise that made the report.</param>
/// <param name="Number">Its number among that enterprise's reports.</param>
public readonly record struct ReportId(string Enterprise, int Number)
{
    /// <summary>The id as reports, the journal and the API carry it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Enterprise}-r{Number}");

    /// <summary>Reads an id written by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportId? id)
    {
        id = null;
        var at = text?.LastIndexOf("-r", StringComparison.Ordinal) ?? -1;
        if (at <= 0 || !int.TryParse(text.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return false;
        }

        id = new ReportId(text![..at], number);
        return true;
    }
}
