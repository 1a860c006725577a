using ParkCycle.Domain.Model;

namespace ParkCycle.Grains.Abstractions;

/// <summary>Who may see a byproduct offer: every park member (anonymised until both sides agree), or the administration only.</summary>
public enum OfferVisibility
{
    /// <summary>Offered to every park member (<c>park</c>), anonymised until both sides agree.</summary>
    Park,
    /// <summary>For the park administration only (<c>administration-only</c>): in the park's analysis, never on a material exchange, so no enterprise is matched to it.</summary>
    AdministrationOnly,
}

/// <summary>The period a reported quantity is per.</summary>
public enum ReportPeriod
{
    /// <summary>Per year (<c>year</c>): the quantity is the annual amount.</summary>
    Year,
    /// <summary>Per month (<c>month</c>): read as 12 times the quantity a year.</summary>
    Month,
    /// <summary>Per week (<c>week</c>): read as 52 times the quantity a year.</summary>
    Week,
}

/// <summary>
/// An enterprise's report that a byproduct is available: quantity per period in a unit of the material's
/// dimension, the window it is available in, quality notes, a price (0 = free; null = to negotiate) and who may see it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ByproductReport(
    [property: Id(0)] string MaterialId,
    [property: Id(1)] decimal Quantity,
    [property: Id(2)] string Unit,
    [property: Id(3)] ReportPeriod Period,
    [property: Id(4)] DateOnly AvailableFrom,
    [property: Id(5)] DateOnly AvailableTo,
    [property: Id(6)] string? QualityNotes,
    [property: Id(7)] decimal? PriceCnyPerUnit,
    [property: Id(8)] OfferVisibility Visibility);

/// <summary>An enterprise's report that it needs a material: quantity per period and the date it is needed by.</summary>
[GenerateSerializer, Immutable]
public sealed record NeedReport(
    [property: Id(0)] string MaterialId,
    [property: Id(1)] decimal Quantity,
    [property: Id(2)] string Unit,
    [property: Id(3)] ReportPeriod Period,
    [property: Id(4)] DateOnly NeededBy,
    [property: Id(5)] string? Notes);

/// <summary>A submission: who sends it, and the idempotency key that makes a retry return the first answer.</summary>
[GenerateSerializer, Immutable]
public sealed record Submission(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string Reporter);

/// <summary>A field that failed validation, named as the request names it, with a plain reason.</summary>
[GenerateSerializer, Immutable]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Reason);

/// <summary>Whether a report was accepted (and is durable) or rejected (and changed nothing), and what it matched.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportOutcome(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? ReportId,
    [property: Id(2)] int Version,
    [property: Id(3)] bool Duplicate,
    [property: Id(4)] IReadOnlyList<FieldError> Errors,
    [property: Id(5)] IReadOnlyList<ExchangeMatch> Matches)
{
    /// <summary>A rejection that changed nothing, with the fields at fault.</summary>
    public static ReportOutcome Rejected(IReadOnlyList<FieldError> errors) => new(false, null, 0, false, errors, []);
}

/// <summary>The kind of a report.</summary>
public enum ReportKind
{
    /// <summary>A byproduct offered (<see cref="ByproductReport"/>), or a declared flow standing as a supply.</summary>
    Offer,
    /// <summary>A material needed (<see cref="NeedReport"/>), or a declared flow standing as a demand.</summary>
    Need,
}

/// <summary>
/// One version of a report as kept in history: who, when, what. A correction is a new version of the same
/// report id; a withdrawal is a version with <see cref="Withdrawn"/> set.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReportRecord(
    [property: Id(0)] string ReportId,
    [property: Id(1)] int Version,
    [property: Id(2)] ReportKind Kind,
    [property: Id(3)] string Reporter,
    [property: Id(4)] DateTimeOffset ReportedAt,
    [property: Id(5)] ByproductReport? Offer,
    [property: Id(6)] NeedReport? Need,
    [property: Id(7)] bool Withdrawn,
    [property: Id(8)] string IdempotencyKey);

/// <summary>A proposed exchange between an open offer and an open need (quantities per year, in the offer's material unit).</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeMatch(
    [property: Id(0)] string Supplier,
    [property: Id(1)] string OfferReportId,
    [property: Id(2)] string Consumer,
    [property: Id(3)] string NeedReportId,
    [property: Id(4)] string SourceMaterial,
    [property: Id(5)] string ReplacedMaterial,
    [property: Id(6)] decimal? Quantity,
    [property: Id(7)] string Unit,
    [property: Id(8)] decimal? DistanceKm,
    [property: Id(9)] decimal? Co2eAvoidedT,
    [property: Id(10)] string? RuleId);

/// <summary>An open offer or need as a material exchange holds it (annual quantity in the material's unit).</summary>
[GenerateSerializer, Immutable]
public sealed record OpenPosition(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string Enterprise,
    [property: Id(2)] string MaterialId,
    [property: Id(3)] decimal AnnualQuantity,
    [property: Id(4)] decimal? Latitude,
    [property: Id(5)] decimal? Longitude,
    [property: Id(6)] DateOnly Until)
{
    /// <summary>The enterprise's capabilities and hazardous-waste licences (who may take a hazardous waste or a process).</summary>
    [Id(7)]
    public IReadOnlyList<string> Holds { get; init; } = [];

    /// <summary>
    /// An offer reported with <see cref="OfferVisibility.AdministrationOnly"/>: it counts in the park's analysis
    /// (administrators and investment staff see it there) but is never put on a material exchange, so no other
    /// enterprise is matched to it or learns of it.
    /// </summary>
    [Id(8)]
    public bool AdministrationOnly { get; init; }
}

/// <summary>
/// An enterprise's profile as the grains hold it (mirrors the dataset's enterprise row). Its closed sets are read
/// as the Domain's enums (<see cref="Status"/>, <see cref="Chains"/>, <see cref="NewEnergyType"/>) and stored as
/// their kebab-case codes, so state of any version reads back and a code this version does not know is kept as
/// written and reported (<see cref="UnknownCodes"/>), never read as a default.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EnterpriseProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? NameEn,
    [property: Id(3)] string Zone,
    [property: Id(4), System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<string> ChainCodes,
    [property: Id(5)] string? Sector,
    [property: Id(6)] decimal? Latitude,
    [property: Id(7)] decimal? Longitude,
    [property: Id(8), System.Text.Json.Serialization.JsonIgnore] string StatusCode,
    [property: Id(9)] decimal? OutputValue10kCny,
    [property: Id(10)] decimal? EnergyTce,
    [property: Id(11)] bool? AboveSize,
    [property: Id(12)] string ParkId)
{
    /// <summary>A profile from the Domain's values.</summary>
    public EnterpriseProfile(string id, string name, string? nameEn, string zone, IReadOnlyList<Chain> chains, string? sector,
        decimal? latitude, decimal? longitude, EnterpriseStatus status, decimal? outputValue10kCny, decimal? energyTce, bool? aboveSize, string parkId)
        : this(id, name, nameEn, zone, StoredCodes.WriteAll(chains), sector, latitude, longitude, Codes<EnterpriseStatus>.Of(status),
            outputValue10kCny, energyTce, aboveSize, parkId)
    {
    }

    /// <summary>The chains it belongs to (the known ones; see <see cref="UnknownCodes"/>).</summary>
    public IReadOnlyList<Chain> Chains
    {
        get => StoredCodes.ReadAll<Chain>(ChainCodes);
        init => ChainCodes = StoredCodes.WriteAll(value);
    }

    /// <summary>Its status (operating when the stored code is unknown, which <see cref="UnknownCodes"/> then names).</summary>
    public EnterpriseStatus Status
    {
        get => StoredCodes.Read(StatusCode, EnterpriseStatus.Operating);
        init => StatusCode = Codes<EnterpriseStatus>.Of(value);
    }

    /// <summary>Processes it runs (the dataset's <c>capabilities</c>).</summary>
    [Id(13)]
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Hazardous-waste codes it is licensed to accept (the dataset's <c>licences</c>).</summary>
    [Id(14)]
    public IReadOnlyList<string> Licences { get; init; } = [];

    /// <summary>When a relocating or closing enterprise leaves the park (the dataset's <c>end_date</c>).</summary>
    [Id(15)]
    public DateOnly? EndDate { get; init; }

    // The accounting columns, so the live park's KPIs (per value added, water reuse, new energy) are the dataset's.

    /// <summary>Industrial value added, 10k CNY per year (the dataset's <c>value_added_10k_cny</c>).</summary>
    [Id(16)]
    public decimal? ValueAdded10kCny { get; init; }

    /// <summary>Water recirculated in the plant, m³ per year (<c>recirculated_water_m3</c>).</summary>
    [Id(17)]
    public decimal? RecirculatedWaterM3 { get; init; }

    /// <summary>Installed new-energy capacity, MW (<c>new_energy_capacity_mw</c>).</summary>
    [Id(18)]
    public decimal? NewEnergyCapacityMw { get; init; }

    /// <summary>The kind of that capacity as its kebab-case code (<c>new_energy_type</c>), as stored.</summary>
    [Id(19), System.Text.Json.Serialization.JsonIgnore]
    public string? NewEnergyTypeCode { get; init; }

    /// <summary>The kind of that capacity (null when none, or when the stored code is unknown).</summary>
    public NewEnergyType? NewEnergyType
    {
        get => StoredCodes.ReadOptional<NewEnergyType>(NewEnergyTypeCode);
        init => NewEnergyTypeCode = value is { } v ? Codes<NewEnergyType>.Of(v) : null;
    }

    /// <summary>Why its balance is not judged (<c>balance_exempt</c>); null when it is.</summary>
    [Id(20)]
    public string? BalanceExempt { get; init; }

    /// <summary>Where the row's figures come from (<c>source</c>).</summary>
    [Id(21)]
    public string? Source { get; init; }

    /// <summary>Stored codes this version does not know: the park quarantines the enterprise naming them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<UnknownCode> UnknownCodes =>
    [
        .. StoredCodes.Unknown<Chain>("chains", ChainCodes),
        .. StoredCodes.Unknown<EnterpriseStatus>("status", [StatusCode]),
        .. StoredCodes.Unknown<NewEnergyType>("new_energy_type", NewEnergyTypeCode is null ? [] : [NewEnergyTypeCode]),
    ];
}

/// <summary>
/// A declared flow (the dataset's flows.csv row) with its quantity in its own unit; null quantity = unknown. Status and
/// role are read as the Domain's enums and stored as their codes (see <see cref="EnterpriseProfile"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DeclaredFlow(
    [property: Id(0)] string Id,
    [property: Id(1)] string From,
    [property: Id(2)] string To,
    [property: Id(3)] string MaterialId,
    [property: Id(4)] decimal? Quantity,
    [property: Id(5)] string Unit,
    [property: Id(6), System.Text.Json.Serialization.JsonIgnore] string StatusCode,
    [property: Id(7)] string? Source)
{
    /// <summary>A flow from the Domain's values.</summary>
    public DeclaredFlow(string id, string from, string to, string materialId, decimal? quantity, string unit, FlowStatus status, string? source)
        : this(id, from, to, materialId, quantity, unit, Codes<FlowStatus>.Of(status), source)
    {
    }

    /// <summary>Its status (existing when the stored code is unknown, which <see cref="UnknownCodes"/> then names).</summary>
    public FlowStatus Status
    {
        get => StoredCodes.Read(StatusCode, FlowStatus.Existing);
        init => StatusCode = Codes<FlowStatus>.Of(value);
    }

    /// <summary>The relative standard deviation of the quantity in percent, when the dataset states it.</summary>
    [Id(8)]
    public decimal? UncertaintyPercent { get; init; }

    /// <summary>The role the row states as its kebab-case code (flows.csv <c>role</c>), as stored; null means the material's default.</summary>
    [Id(9), System.Text.Json.Serialization.JsonIgnore]
    public string? RoleCode { get; init; }

    /// <summary>The role the row states; null means the material's default (or an unknown stored code).</summary>
    public FlowRole? Role
    {
        get => StoredCodes.ReadOptional<FlowRole>(RoleCode);
        init => RoleCode = value is { } v ? Codes<FlowRole>.Of(v) : null;
    }

    /// <summary>Stored codes this version does not know: the park quarantines the enterprise naming them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<UnknownCode> UnknownCodes =>
    [
        .. StoredCodes.Unknown<FlowStatus>("status", [StatusCode]),
        .. StoredCodes.Unknown<FlowRole>("role", RoleCode is null ? [] : [RoleCode]),
    ];
}

/// <summary>What one enterprise contributes to the park's model: its profile, declared flows and open reports.</summary>
[GenerateSerializer, Immutable]
public sealed record EnterpriseContribution(
    [property: Id(0)] EnterpriseProfile Profile,
    [property: Id(1)] IReadOnlyList<DeclaredFlow> Flows,
    [property: Id(2)] IReadOnlyList<OpenPosition> Offers,
    [property: Id(3)] IReadOnlyList<OpenPosition> Needs);

/// <summary>The open offers and needs of one material, as the park's current model holds them (to rebuild an exchange).</summary>
[GenerateSerializer, Immutable]
public sealed record ExchangePositions(
    [property: Id(0)] IReadOnlyList<OpenPosition> Offers,
    [property: Id(1)] IReadOnlyList<OpenPosition> Needs);

/// <summary>The park's setting: its manifest and zones (from the seed dataset).</summary>
[GenerateSerializer, Immutable]
public sealed record ParkSetup(
    [property: Id(0)] string ParkId,
    [property: Id(1)] string Name,
    [property: Id(2)] int? ReferenceYear,
    [property: Id(3)] IReadOnlyList<ZoneInfo> Zones,
    [property: Id(4)] IReadOnlyList<HeatStreamInfo>? HeatStreams = null)
{
    /// <summary>The balances the seed dataset declares (balances.csv), for reconciliation.</summary>
    [Id(5)]
    public IReadOnlyList<BalanceInfo> Balances { get; init; } = [];
}

/// <summary>A process stream for pinch analysis, as the seed dataset's <c>heat_streams.csv</c> gives it (°C, kW/K, kW, h/a).</summary>
[GenerateSerializer, Immutable]
public sealed record HeatStreamInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Enterprise,
    [property: Id(2)] bool Hot,
    [property: Id(3)] decimal SupplyTemperatureC,
    [property: Id(4)] decimal TargetTemperatureC,
    [property: Id(5)] decimal? CpKwPerK,
    [property: Id(6)] decimal? DutyKw,
    [property: Id(7)] decimal? HoursPerYear,
    [property: Id(8)] decimal? DtContributionC,
    [property: Id(9)] string? Source);

/// <summary>A declared balance: an enterprise and a scope code (mass, energy, water, material:&lt;id&gt;).</summary>
[GenerateSerializer, Immutable]
public sealed record BalanceInfo([property: Id(0)] string Id, [property: Id(1)] string Enterprise, [property: Id(2)] string Scope);

/// <summary>A zone of the park as the seed dataset's <c>zones.csv</c> gives it.</summary>
/// <param name="Id">The zone id enterprises refer to.</param>
/// <param name="Name">The zone's name as the dataset writes it, usually Chinese.</param>
/// <param name="NameEn">The English name; null when unknown.</param>
[GenerateSerializer, Immutable]
public sealed record ZoneInfo([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? NameEn);

/// <summary>The park's model version and size.</summary>
[GenerateSerializer, Immutable]
public sealed record SnapshotInfo(
    [property: Id(0)] string ParkId,
    [property: Id(1)] long Version,
    [property: Id(2)] int Enterprises,
    [property: Id(3)] int Flows,
    [property: Id(4)] long AnalysedVersion);

/// <summary>A cached analysis of one snapshot version: the report as JSON (docs/analysis.md) and headline figures.</summary>
[GenerateSerializer, Immutable]
public sealed record AnalysisResult(
    [property: Id(0)] long Version,
    [property: Id(1)] string ReportJson,
    [property: Id(2)] int Loops,
    [property: Id(3)] int Opportunities,
    [property: Id(4)] decimal PlanCo2eAvoidedT,
    [property: Id(5)] double ElapsedMs);

/// <summary>A progress update for a retrofit project.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgressUpdate(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] decimal PercentComplete,
    [property: Id(2)] string? Note,
    [property: Id(3)] string? Milestone = null);

/// <summary>A retrofit project as its grain holds it; type and status are read as the Domain's enums and stored as their codes.</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Enterprise,
    [property: Id(2), System.Text.Json.Serialization.JsonIgnore] string TypeCode,
    [property: Id(3)] DateOnly Start,
    [property: Id(4)] DateOnly? PlannedEnd,
    [property: Id(5), System.Text.Json.Serialization.JsonIgnore] string StatusCode,
    [property: Id(6)] DateOnly? CompletedOn,
    [property: Id(7)] IReadOnlyList<ProgressUpdate> Progress,
    // Named as projects.csv names them: the snake_case policy alone would write budget10k_cny.
    [property: Id(8), System.Text.Json.Serialization.JsonPropertyName("budget_10k_cny")] decimal? Budget10kCny = null,
    [property: Id(9), System.Text.Json.Serialization.JsonPropertyName("subsidy_10k_cny")] decimal? Subsidy10kCny = null)
{
    /// <summary>A project from the Domain's values.</summary>
    public ProjectInfo(string id, string enterprise, ProjectType type, DateOnly start, DateOnly? plannedEnd, ProjectStatus status, DateOnly? completedOn,
        IReadOnlyList<ProgressUpdate> progress, decimal? budget10kCny = null, decimal? subsidy10kCny = null)
        : this(id, enterprise, Codes<ProjectType>.Of(type), start, plannedEnd, Codes<ProjectStatus>.Of(status), completedOn, progress, budget10kCny, subsidy10kCny)
    {
    }

    /// <summary>Its type (read only when <see cref="UnknownCodes"/> is empty).</summary>
    public ProjectType Type
    {
        get => StoredCodes.Read(TypeCode, default(ProjectType));
        init => TypeCode = Codes<ProjectType>.Of(value);
    }

    /// <summary>Its status (read only when <see cref="UnknownCodes"/> is empty).</summary>
    public ProjectStatus Status
    {
        get => StoredCodes.Read(StatusCode, ProjectStatus.Planned);
        init => StatusCode = Codes<ProjectStatus>.Of(value);
    }

    /// <summary>Stored codes this version does not know: such a project is left out of the forecasts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<UnknownCode> UnknownCodes =>
    [
        .. StoredCodes.Unknown<ProjectType>("type", [TypeCode]),
        .. StoredCodes.Unknown<ProjectStatus>("status", [StatusCode]),
    ];
}

/// <summary>A Sankey link of the park's mass flows by chain (annual tonnes).</summary>
[GenerateSerializer, Immutable]
public sealed record SankeyLink([property: Id(0)] string Source, [property: Id(1)] string Target, [property: Id(2)] decimal Tonnes);

/// <summary>A proposed connection between an offer and a need: identities are revealed only once both sides agree.</summary>
[GenerateSerializer, Immutable]
public sealed record Connection(
    [property: Id(0)] string OfferReportId,
    [property: Id(1)] string NeedReportId,
    [property: Id(2)] string Supplier,
    [property: Id(3)] string Consumer,
    [property: Id(4)] bool SupplierAgreed,
    [property: Id(5)] bool ConsumerAgreed)
{
    /// <summary>True once both the supplier and the consumer have agreed: only then is each told who the other is.</summary>
    public bool Agreed => SupplierAgreed && ConsumerAgreed;
}

/// <summary>The retrofit projects a park has registered, and a version that moves whenever one of them changes.</summary>
[GenerateSerializer, Immutable]
public sealed record ParkProjects([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<string> ProjectIds);
