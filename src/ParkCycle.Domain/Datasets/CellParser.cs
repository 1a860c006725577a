using System.Globalization;
using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Datasets;

/// <summary>Reads typed values out of table cells, adding a located error for each bad one.</summary>
internal sealed class CellParser(Table table, List<DatasetError> problems)
{
    public Table Table { get; } = table;

    private readonly Dictionary<string, Dictionary<string, int>> _seen = new(StringComparer.Ordinal);
    private int _rowStart;

    /// <summary>How many errors this parser has added.</summary>
    public int Errors { get; private set; }

    /// <summary>True when the row begun last (<see cref="BeginRow"/>) has an error: the row is not to be kept.</summary>
    public bool RowFailed => Errors > _rowStart;

    /// <summary>Starts a row: <see cref="RowFailed"/> counts the errors found from here.</summary>
    public void BeginRow() => _rowStart = Errors;

    public void Error(TableRow row, string column, string reason)
    {
        problems.Add(Table.ErrorAt(row, column, reason));
        Errors++;
    }

    public void Warn(TableRow row, string column, string reason) => problems.Add(Table.ErrorAt(row, column, reason, Severity.Warning));

    public string? Text(TableRow row, string column) => Table.Get(row, column);

    /// <summary>A required value; adds an error when blank.</summary>
    public string? Required(TableRow row, string column)
    {
        var value = Table.Get(row, column);
        if (value is null)
        {
            Error(row, column, "a value is required");
        }

        return value;
    }

    /// <summary>
    /// An optional decimal; null when blank or bad (a bad one adds an error). Without a range of its own it must lie
    /// within <see cref="PhysicalRanges.Default"/> (or <see cref="PhysicalRanges.DefaultNonNegative"/>).
    /// </summary>
    public decimal? Decimal(TableRow row, string column, bool allowNegative = false) =>
        Decimal(row, column, allowNegative ? PhysicalRanges.Default : PhysicalRanges.DefaultNonNegative);

    /// <summary>An optional decimal within <paramref name="range"/>; null when blank or bad (a bad one adds an error).</summary>
    public decimal? Decimal(TableRow row, string column, NumericRange range)
    {
        var raw = Table.Get(row, column);
        if (raw is null)
        {
            return null;
        }

        var lowered = raw.ToLowerInvariant().TrimStart('+', '-');
        if (lowered is "inf" or "infinity" or "∞" or "nan" or "#num!" or "#div/0!")
        {
            Error(row, column, $"'{raw}' is not a finite number");
            return null;
        }

        if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            var looksNumeric = raw.All(ch => char.IsAsciiDigit(ch) || ch is '.' or 'e' or 'E' or '+' or '-');
            Error(row, column, looksNumeric ? $"'{raw}' is not a finite number (out of range)" : $"'{raw}' is not a number");
            return null;
        }

        if (range.Min == 0 && value < 0)
        {
            Error(row, column, $"{raw} is negative; it must be zero or more");
            return null;
        }

        if (!range.Contains(value))
        {
            Error(row, column, range.Refusal(raw));
            return null;
        }

        return value;
    }

    public bool? Boolean(TableRow row, string column)
    {
        var raw = Table.Get(row, column);
        switch (raw?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "y" or "1" or "是":
                return true;
            case "false" or "no" or "n" or "0" or "否":
                return false;
            default:
                Error(row, column, $"'{raw}' is not true or false");
                return null;
        }
    }

    public DateOnly? Date(TableRow row, string column)
    {
        var raw = Table.Get(row, column);
        if (raw is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(row, column, $"'{raw}' is not a date in the form YYYY-MM-DD");
        return null;
    }

    public TEnum? Code<TEnum>(TableRow row, string column, TEnum? whenBlank = null)
        where TEnum : struct, Enum
    {
        var raw = Table.Get(row, column);
        if (raw is null)
        {
            if (whenBlank is null)
            {
                Error(row, column, "a value is required");
            }

            return whenBlank;
        }

        if (Model.Codes<TEnum>.TryParse(raw, out var value))
        {
            return value;
        }

        Error(row, column, $"'{raw}' is not one of: {string.Join(", ", Model.Codes<TEnum>.All)}");
        return null;
    }

    public Unit? UnitOf(TableRow row, string column)
    {
        var raw = Required(row, column);
        if (raw is null)
        {
            return null;
        }

        if (Unit.TryParse(raw, out var unit))
        {
            return unit;
        }

        Error(row, column, $"unknown unit '{raw}' (known: {string.Join(", ", Unit.All.Select(u => u.Symbol))})");
        return null;
    }

    /// <summary>Adds an error when an id repeats one seen earlier in the table.</summary>
    public bool UniqueId(TableRow row, string column, string id)
    {
        if (!_seen.TryGetValue(column, out var seen))
        {
            _seen[column] = seen = new(StringComparer.Ordinal);
        }

        if (seen.TryGetValue(id, out var firstLine))
        {
            var where = Table.JsonArrayName is null ? $"line {firstLine}" : $"{Table.JsonArrayName}[{firstLine}]";
            Error(row, column, $"duplicate id '{id}' (first used on {where})");
            return false;
        }

        seen[id] = row.Line;
        return true;
    }
}
