using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>What a submission asks of an enterprise's reports: a new offer or need, a correction of an offer, or a withdrawal.</summary>
/// <param name="ReportId">The report corrected or withdrawn; null for a new report.</param>
/// <param name="Kind">The kind of report it must be; null for a withdrawal (any kind may be withdrawn).</param>
internal sealed record ReportChange(string? ReportId, ReportKind? Kind, ByproductReport? Offer, NeedReport? Need, bool Withdraw)
{
    public static ReportChange NewOffer(ByproductReport offer) => new(null, ReportKind.Offer, offer, null, false);

    public static ReportChange NewNeed(NeedReport need) => new(null, ReportKind.Need, null, need, false);

    public static ReportChange Correction(string reportId, ByproductReport offer) => new(reportId, ReportKind.Offer, offer, null, false);

    public static ReportChange Withdrawal(string reportId) => new(reportId, null, null, null, true);
}
