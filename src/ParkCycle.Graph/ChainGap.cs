namespace ParkCycle.Graph;

/// <summary>
/// One entry of the 补链招商 list: a chain stage the park lacks, what it would absorb, supply back, avoid and
/// close. <see cref="Kind"/> says why it is listed. An output is counted in one gap only (the highest-ranked that
/// takes it). <see cref="BelowMinimumScale"/> is true when what it would absorb is less than the template's minimum
/// economic scale; <see cref="LeavingSuppliers"/> names suppliers that are relocating or closing (with their end date).
/// </summary>
public sealed record ChainGap(
    int Rank,
    string Chain,
    string Stage,
    string Name,
    string NameEn,
    string? Sector,
    ChainGapKind Kind,
    IReadOnlyList<GapIntake> Absorbs,
    IReadOnlyList<GapSupply> SuppliesBack,
    decimal Co2eAvoidedT,
    int LoopsClosed,
    string Reasoning,
    bool BelowMinimumScale = false,
    IReadOnlyList<string>? LeavingSuppliers = null);
