namespace ParkCycle.Domain.Datasets;

/// <summary>One data row of a <see cref="Table"/>: its values by header position and where it came from.</summary>
/// <param name="Line">The CSV line the record starts on (header = 1), or for JSON the element's index.</param>
/// <param name="Values">The raw cell values in header order.</param>
public sealed record TableRow(int Line, IReadOnlyList<string> Values);
