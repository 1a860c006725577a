using Orleans.Concurrency;

namespace ParkCycle.Grains.Abstractions;

/// <summary>One enterprise (key: enterprise id): its profile, declared flows, and byproduct offers and needs.</summary>
public interface IEnterpriseGrain : IGrainWithStringKey
{
    /// <summary>Sets the profile and declared flows (seeding, or the administration's edit) and joins the park.</summary>
    Task RegisterAsync(EnterpriseProfile profile, IReadOnlyList<DeclaredFlow> flows);

    /// <summary>The profile as last registered; null before the enterprise is registered.</summary>
    Task<EnterpriseProfile?> GetProfileAsync();

    /// <summary>Reports a byproduct available; durable before it returns; returns who could take it.</summary>
    Task<ReportOutcome> ReportByproductAsync(ByproductReport report, Submission submission);

    /// <summary>Reports a material needed; durable before it returns; returns who could supply it.</summary>
    Task<ReportOutcome> ReportNeedAsync(NeedReport report, Submission submission);

    /// <summary>Corrects an offer: a new version of the same report, the old one kept in history.</summary>
    Task<ReportOutcome> CorrectByproductAsync(string reportId, ByproductReport report, Submission submission);

    /// <summary>Withdraws an offer or need (a new version marked withdrawn).</summary>
    Task<ReportOutcome> WithdrawReportAsync(string reportId, Submission submission);

    /// <summary>The latest version of each report; with history, every version.</summary>
    Task<IReadOnlyList<ReportRecord>> GetReportsAsync(bool includeHistory = false);

    /// <summary>What this enterprise contributes to the park's model now (expired offers excluded).</summary>
    /// <remarks>
    /// Read-only and interleaved: a report awaits its exchange, whose rebuild may activate the park, which asks
    /// every member for its contribution, this one included.
    /// </remarks>
    [AlwaysInterleave]
    Task<EnterpriseContribution?> GetContributionAsync();

    /// <summary>Drops offers and needs whose window has passed; called by the grain's daily <c>expiry</c> reminder, and by tests.</summary>
    Task<int> ExpireAsync();
}

/// <summary>The park (key: park id): membership, the versioned snapshot of its model, and the cached analysis.</summary>
public interface IParkGrain : IGrainWithStringKey
{
    /// <summary>Stores the park's setting (name, reference year, zones, heat streams, declared balances) from its seed dataset; durable before it returns.</summary>
    Task SetupAsync(ParkSetup setup);

    /// <summary>True once the seed dataset's enterprises and projects are all registered (<see cref="MarkSeededAsync"/>), so a restart does not seed again.</summary>
    Task<bool> IsSeededAsync();

    /// <summary>Records that seeding finished; durable before it returns.</summary>
    Task MarkSeededAsync();

    /// <summary>Adds an enterprise to the park's members (called by its grain on registration); a member already there is kept once.</summary>
    Task JoinAsync(string enterpriseId);

    /// <summary>The ids of the park's member enterprises, ordinal order.</summary>
    Task<IReadOnlyList<string>> GetMembersAsync();

    /// <summary>A member's contribution changed: the snapshot version advances and a re-analysis is scheduled (debounced).</summary>
    Task<long> NotifyChangedAsync(EnterpriseContribution contribution);

    /// <summary>The current snapshot's version and size, and the version the cached analysis is of (0 before the first).</summary>
    Task<SnapshotInfo> GetSnapshotInfoAsync();

    /// <summary>The open offers and needs of one material in the current model (reports and standing declared flows).</summary>
    Task<ExchangePositions> GetPositionsAsync(string materialId);

    /// <summary>The enterprise whose declared flow stands as position <paramref name="positionId"/> (<c>flow:&lt;flow id&gt;</c>); null when none does.</summary>
    Task<string?> GetStandingOwnerAsync(string positionId);

    /// <summary>The latest analysis of a version at least <paramref name="minVersion"/>, computing it off the grain's turn if needed.</summary>
    Task<AnalysisResult> GetAnalysisAsync(long minVersion = 0);

    /// <summary>The current snapshot as a dataset document: <c>json</c> (one JSON document), <c>zip</c> (the CSV folder zipped) or <c>xlsx</c> (an Excel workbook, a sheet per table).</summary>
    Task<byte[]> ExportAsync(string format);

    /// <summary>The scenario report (docs/analysis.md, <c>scenario</c> section) of enterprises leaving, as JSON; computed off the grain's turn.</summary>
    Task<string> ScenarioAsync(IReadOnlyList<string> remove);

    /// <summary>The heat-integration report (docs/cli.md, <c>pinch</c>) at ΔTmin <paramref name="dtMinC"/> °C as JSON; null when the park has no heat streams.</summary>
    Task<string?> GetHeatAsync(decimal dtMinC);

    /// <summary>The current snapshot's mass flows aggregated by chain, for the dashboard's Sankey.</summary>
    Task<IReadOnlyList<SankeyLink>> GetSankeyAsync();

    /// <summary>Members kept out of the snapshot because their stored state failed the range checks or could not be read.</summary>
    Task<IReadOnlyList<QuarantinedEnterprise>> GetQuarantineAsync();

    /// <summary>The park's dataset versions, oldest first; empty for a park seeded before versions were kept.</summary>
    Task<IReadOnlyList<DatasetVersionInfo>> GetVersionsAsync();

    /// <summary>
    /// Takes the park's import lease for <paramref name="importId"/>: true when no other import holds it, so versions
    /// are made one at a time across every server of the cluster. The lease lapses after ten minutes (an import
    /// whose server died) and is given back by <see cref="ReleaseImportAsync"/>.
    /// </summary>
    Task<bool> TryLeaseImportAsync(string importId);

    /// <summary>Gives back the import lease <paramref name="importId"/> holds; nothing when it holds none.</summary>
    Task ReleaseImportAsync(string importId);

    /// <summary>
    /// Makes <paramref name="version"/> (already stored in its <see cref="IParkVersionGrain"/>, its enterprises registered)
    /// the park's current dataset version: durable before it returns; the model moves and a re-analysis is scheduled.
    /// </summary>
    Task AddVersionAsync(DatasetVersionInfo version);

    /// <summary>
    /// Takes enterprises a new dataset version no longer lists out of the park's model and exchanges. Their grains keep
    /// their profile and every report, so administrators can still read their history.
    /// </summary>
    Task RetireAsync(IReadOnlyList<string> enterpriseIds);
}

/// <summary>
/// Open offers and needs of one material in one park (key: <c>park/material</c>), matched with substitutes. An
/// index, not a record: it is rebuilt from the park's model on activation, so the enterprises' reports stay the
/// one durable truth.
/// </summary>
public interface IMaterialExchangeGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces an open offer and returns the needs it could serve (same material or a rule's target).</summary>
    Task<IReadOnlyList<ExchangeMatch>> OfferAsync(OpenPosition offer);

    /// <summary>Adds or replaces an open need and returns the offers that could serve it (same material or a rule's source).</summary>
    Task<IReadOnlyList<ExchangeMatch>> NeedAsync(OpenPosition need);

    /// <summary>Records a declared flow as a standing offer or need, without matching: nobody waits for the answer.</summary>
    Task StandAsync(OpenPosition position, ReportKind kind);

    /// <summary>Drops a report's open offer or need, whichever it is; unknown ids are ignored.</summary>
    Task RemoveAsync(string reportId);

    // Read-only and interleaved, so two exchanges asking each other at once cannot deadlock.
    /// <summary>The open offers of this material whose window has not passed.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<OpenPosition>> GetOffersAsync();

    /// <summary>The open needs of this material whose window has not passed.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<OpenPosition>> GetNeedsAsync();

    /// <summary>The open needs with their version stamp, for an exchange that keeps a copy (see <see cref="NeedsChangedAsync"/>).</summary>
    [AlwaysInterleave]
    Task<ExchangeNeeds> GetNeedsSnapshotAsync();

    /// <summary>
    /// Told by the exchange of <paramref name="material"/>, which an offer of this material may serve, that its needs
    /// changed: the copy an offer is matched against is replaced, so an offer costs no call to every such exchange.
    /// </summary>
    [AlwaysInterleave]
    Task NeedsChangedAsync(string material, ExchangeNeeds needs);
}

/// <summary>A retrofit or clean-up project (key: project id) and its progress reports.</summary>
public interface IRetrofitProjectGrain : IGrainWithStringKey
{
    /// <summary>Stores the project with its progress so far (seeding), replacing any earlier registration; durable before it returns.</summary>
    Task RegisterAsync(ProjectInfo project);

    /// <summary>Adds a progress report; rejected (naming the field) when out of range, out of date order or falling without a note.</summary>
    Task<IReadOnlyList<FieldError>> ReportProgressAsync(ProgressUpdate update);

    /// <summary>The project with every progress report; null when it was never registered.</summary>
    Task<ProjectInfo?> GetAsync();
}

/// <summary>
/// One proposed connection between an offer and a need (key: <c>offer-report-id|need-report-id</c>). Each side
/// agrees for itself; only then do the two enterprises learn who the other is.
/// </summary>
public interface IConnectionGrain : IGrainWithStringKey
{
    /// <summary>Records that <paramref name="enterprise"/> agrees; it must be the offer's supplier or the need's consumer.</summary>
    Task<Connection?> AgreeAsync(string supplier, string consumer, string enterprise);

    /// <summary>The connection and who has agreed so far; null until one side has agreed.</summary>
    Task<Connection?> GetAsync();
}

/// <summary>
/// The index of a park's retrofit projects (key: park id): which project grains belong to the park, and a version
/// that moves when a project is registered or reports progress, so a forecast of the live state knows when to refresh.
/// </summary>
public interface IParkProjectsGrain : IGrainWithStringKey
{
    /// <summary>Adds projects to the park (ids already there are kept once) and moves the version.</summary>
    Task<long> AddAsync(IReadOnlyList<string> projectIds);

    /// <summary>Records that one of the park's projects changed (new progress) and moves the version.</summary>
    Task<long> ChangedAsync();

    /// <summary>The park's project ids and the current version.</summary>
    [AlwaysInterleave]
    Task<ParkProjects> GetAsync();
}
