namespace ParkCycle.Domain.Datasets;

/// <summary>How a column's values are written in JSON (CSV always holds text).</summary>
public enum ColumnKind
{
    /// <summary>A JSON string: ids, codes, dates (<c>YYYY-MM-DD</c>), free text.</summary>
    Text,
    /// <summary>A JSON number; in CSV <c>.</c> as decimal point, no thousands separators, exponents accepted.</summary>
    Number,
    /// <summary>A JSON boolean; in CSV <c>true</c>/<c>false</c> (<c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>, <c>是</c>/<c>否</c> also read).</summary>
    Boolean,

    /// <summary>A <c>;</c>-separated list in CSV, an array in JSON.</summary>
    List,
}
