using System.Globalization;

namespace ParkCycle.Domain.Datasets;

/// <summary>
/// The physical range a number must fall in to be believed (inclusive at both ends), with what it measures and its
/// unit for the error message. Every numeric input of a dataset or a report is checked against one, so no stored
/// value can push the park's arithmetic towards <see cref="decimal.MaxValue"/>.
/// </summary>
/// <param name="Name">What the number is, e.g. <c>an annual quantity</c>.</param>
/// <param name="Min">The smallest value believed.</param>
/// <param name="Max">The largest value believed.</param>
/// <param name="Unit">The unit the bounds are in, as written after them (may be empty).</param>
public sealed record NumericRange(string Name, decimal Min, decimal Max, string Unit)
{
    /// <summary>Whether <paramref name="value"/> is within the range.</summary>
    public bool Contains(decimal value) => value >= Min && value <= Max;

    /// <summary>The reason a value outside the range is refused, e.g. <c>1e30 is out of range for an annual quantity (0 to 10000000000 in its unit)</c>.</summary>
    public string Refusal(string raw) =>
        string.Create(CultureInfo.InvariantCulture, $"{raw} is out of range for {Name} ({Min} to {Max}{(Unit.Length == 0 ? string.Empty : " " + Unit)})");
}
