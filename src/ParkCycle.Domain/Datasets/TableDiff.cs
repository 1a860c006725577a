namespace ParkCycle.Domain.Datasets;

/// <summary>
/// What changed in one table between two datasets, by row id: rows only in the newer one, rows only in the older
/// one, and rows in both whose cells differ. Each list is sorted by id (ordinal).
/// </summary>
/// <param name="Added">Ids only the newer dataset has.</param>
/// <param name="Removed">Ids only the older dataset has.</param>
/// <param name="Changed">Ids in both whose rows differ.</param>
public sealed record TableDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    /// <summary>Whether the table is the same in both datasets.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
