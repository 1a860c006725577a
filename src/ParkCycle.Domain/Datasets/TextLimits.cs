namespace ParkCycle.Domain.Datasets;

/// <summary>
/// Limits on text: every dataset cell and every free-text field of a report. Long enough for any real name, source
/// citation or note (the longest cell in the seeds is under 300 characters); short enough that a report stays small.
/// </summary>
public static class TextLimits
{
    /// <summary>The longest cell or free-text field: 2,000 characters.</summary>
    public const int MaxText = 2_000;

    /// <summary>
    /// Why <paramref name="value"/> is refused as text, or null when it is acceptable: too long, or holding a control
    /// character other than tab, line feed and carriage return.
    /// </summary>
    public static string? Problem(string value)
    {
        if (value.Length > MaxText)
        {
            return $"{value.Length} characters is longer than the limit of {MaxText}";
        }

        foreach (var ch in value)
        {
            if (char.IsControl(ch) && ch is not ('\t' or '\n' or '\r'))
            {
                return $"holds the control character U+{(int)ch:X4}";
            }
        }

        return null;
    }
}
