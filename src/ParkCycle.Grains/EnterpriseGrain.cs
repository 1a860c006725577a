using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Grains.Storage;

namespace ParkCycle.Grains;

/// <summary>
/// One enterprise. Owns its profile, declared flows and reports; every accepted report version is appended to the
/// report journal (durable) before the call returns, then published to the park and the material exchange. The
/// grain state stays small (profile, flows, flags): a report costs one append, not a rewrite of all past versions. A daily reminder drops
/// expired availability. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class EnterpriseGrain(
    [PersistentState("enterprise", GrainStorage.Name)] IPersistentState<EnterpriseState> state,
    IReportJournal journal,
    TimeProvider clock,
    ParkCycleMetrics metrics) : Grain, IEnterpriseGrain, IRemindable
{
    /// <summary>The daily reminder that drops expired availability, even while nobody calls the enterprise.</summary>
    public const string ExpiryReminder = "expiry";

    private readonly Dictionary<string, (ReportRecord Record, OpenPosition Position)> _positions = new(StringComparer.Ordinal);
    private Dictionary<string, IMaterialExchangeGrain> _exchanges = new(StringComparer.Ordinal);
    private Dictionary<string, ReportRecord>? _latest;
    private Dictionary<string, ReportRecord>? _byKey;
    private List<ReportRecord> _history = [];
    private OpenPositions? _open;
    private int _reports;
    private IParkGrain? _park;

    private EnterpriseState Stored => state.State;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadHistoryAsync(cancellationToken);
        // Open reports stored before the reminder existed get their sweep now, once.
        if (!Stored.ExpiryReminder && Latest().Any(r => !r.Withdrawn && Until(r) >= Today))
        {
            await EnsureExpiryReminderAsync();
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reads the report history from the journal. Versions an older ParkCycle kept in the grain state are appended to
    /// the journal first (appending a held version is a no-op, so an interrupted move simply runs again), then
    /// dropped from the state.
    /// </summary>
    private async Task LoadHistoryAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        var journaled = await journal.ReadAsync(id);
        if (Stored.History.Count > 0)
        {
            foreach (var legacy in Stored.History)
            {
                await journal.AppendAsync(id, legacy);
            }

            var moved = Stored.History.Select(r => (r.ReportId, r.Version)).ToHashSet();
            _history = [.. Stored.History, .. journaled.Where(r => !moved.Contains((r.ReportId, r.Version)))];
            Stored.History = [];
            await state.WriteStateAsync(cancellationToken);
        }
        else
        {
            _history = [.. journaled];
        }

        // Versions never disappear from the journal: the highest report number in it is the last one given.
        _reports = Math.Max(Stored.NextReport, _history.Select(r => ReportId.TryParse(r.ReportId, out var id) ? id.Value.Number : 0).DefaultIfEmpty(0).Max());
    }

    /// <summary>Registers the daily expiry reminder unless this enterprise already has it; true when the state changed (and must be written).</summary>
    private async Task<bool> EnsureExpiryReminderAsync()
    {
        if (Stored.ExpiryReminder)
        {
            return false;
        }

        await this.RegisterOrUpdateReminder(ExpiryReminder, TimeSpan.FromHours(1), TimeSpan.FromHours(24));
        Stored.ExpiryReminder = true;
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ExpiryReminder)
        {
            await ExpireAsync();
        }
    }

    public async Task RegisterAsync(EnterpriseProfile profile, IReadOnlyList<DeclaredFlow> flows)
    {
        Stored.Profile = profile;
        Stored.Flows = [.. flows];
        await state.WriteStateAsync();
        (_park, _exchanges) = (null, new(StringComparer.Ordinal)); // the park may have changed
        _positions.Clear(); // and the location positions carry
        _open = null;
        await Park().JoinAsync(profile.Id);
        await Park().NotifyChangedAsync(Contribution());
        await PublishDeclaredAsync();
    }

    private async Task PublishDeclaredAsync()
    {
        foreach (var (position, kind) in StandingPositions.Of(Stored.Profile!, Stored.Flows))
        {
            await Exchange(position.MaterialId).StandAsync(position, kind);
        }
    }

    public Task<EnterpriseProfile?> GetProfileAsync() => Task.FromResult(Stored.Profile);

    public Task<ReportOutcome> ReportByproductAsync(ByproductReport report, Submission submission) =>
        SubmitAsync(submission, ReportChange.NewOffer(report));

    public Task<ReportOutcome> ReportNeedAsync(NeedReport report, Submission submission) =>
        SubmitAsync(submission, ReportChange.NewNeed(report));

    public Task<ReportOutcome> CorrectByproductAsync(string reportId, ByproductReport report, Submission submission) =>
        SubmitAsync(submission, ReportChange.Correction(reportId, report));

    public Task<ReportOutcome> WithdrawReportAsync(string reportId, Submission submission) =>
        SubmitAsync(submission, ReportChange.Withdrawal(reportId));

    public Task<IReadOnlyList<ReportRecord>> GetReportsAsync(bool includeHistory = false) =>
        Task.FromResult<IReadOnlyList<ReportRecord>>(includeHistory ? [.. _history] : [.. Latest()]);

    public Task<EnterpriseContribution?> GetContributionAsync() => Task.FromResult(Stored.Profile is null ? null : Contribution());

    public async Task<int> ExpireAsync()
    {
        if (Stored.Profile is null)
        {
            return 0;
        }

        var expired = Latest().Where(r => !r.Withdrawn && Until(r) < Today).ToList();
        if (expired.Count > 0)
        {
            await Park().NotifyChangedAsync(Contribution());
        }

        foreach (var record in expired)
        {
            await Exchange(Material(record)).RemoveAsync(record.ReportId);
        }

        return expired.Count;
    }

    private async Task<ReportOutcome> SubmitAsync(Submission submission, ReportChange change)
    {
        var outcome = await SubmitCoreAsync(submission, change);
        metrics.Report(outcome.Accepted, change.Offer is not null ? "offer" : change.Need is not null ? "need" : "withdrawal");
        return outcome;
    }

    /// <summary>A report's life in steps: checked, replayed if it is a retry, validated, stored, then published.</summary>
    private async Task<ReportOutcome> SubmitCoreAsync(Submission submission, ReportChange change)
    {
        if (Precheck(submission) is { Count: > 0 } missing)
        {
            return ReportOutcome.Rejected(missing);
        }

        if (ByKey.TryGetValue(submission.IdempotencyKey, out var original))
        {
            return await ReplayAsync(original, change);
        }

        var (previous, refusal) = Previous(change);
        if (refusal is not null)
        {
            return ReportOutcome.Rejected([refusal]);
        }

        var errors = Validate(change);
        if (errors.Count > 0)
        {
            return ReportOutcome.Rejected(errors);
        }

        var record = await StoreAsync(submission, change, previous);
        var matches = await PublishChangeAsync(record, previous);
        return new ReportOutcome(true, record.ReportId, record.Version, false, [], matches);
    }

    private List<FieldError> Precheck(Submission submission)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(submission.IdempotencyKey))
        {
            errors.Add(new FieldError("idempotency_key", "a value is required"));
        }

        if (Stored.Profile is null)
        {
            errors.Add(new FieldError("enterprise", $"unknown enterprise '{this.GetPrimaryKeyString()}'"));
        }

        return errors;
    }

    /// <summary>A key seen before: the same report again is answered as the first time (nothing changes); different content is refused.</summary>
    private async Task<ReportOutcome> ReplayAsync(ReportRecord original, ReportChange change)
    {
        var same = change.Withdraw
            ? original.Withdrawn && original.ReportId == change.ReportId
            : original.Offer == change.Offer && original.Need == change.Need && (change.ReportId is null || original.ReportId == change.ReportId);
        if (!same)
        {
            // The key names a different report: answering "duplicate" and storing nothing would drop the new data.
            return ReportOutcome.Rejected([new FieldError("idempotency_key", $"already used for report {original.ReportId} with different content")]);
        }

        return new ReportOutcome(true, original.ReportId, original.Version, true, [], await MatchesAsync(original));
    }

    /// <summary>The report a correction or withdrawal changes (null for a new report), or why it cannot be changed.</summary>
    private (ReportRecord? Previous, FieldError? Refusal) Previous(ReportChange change)
    {
        if (change.ReportId is not { } reportId)
        {
            return (null, null);
        }

        var previous = LatestById.GetValueOrDefault(reportId);
        return previous switch
        {
            null => (null, new FieldError("report_id", $"unknown report '{reportId}'")),
            { Withdrawn: true } => (null, new FieldError("report_id", $"report '{reportId}' was withdrawn")),
            _ when change.Kind is { } k && k != previous.Kind => (null, new FieldError("report_id", $"report '{reportId}' is a {previous.Kind.ToString().ToLowerInvariant()}")),
            _ => (previous, null),
        };
    }

    private List<FieldError> Validate(ReportChange change)
    {
        var errors = new List<FieldError>();
        if (change.Offer is not null)
        {
            errors.AddRange(ReportValidator.Validate(change.Offer, CatalogReader.Default, Today));
        }

        if (change.Need is not null)
        {
            errors.AddRange(ReportValidator.Validate(change.Need, CatalogReader.Default, Today));
        }

        return errors;
    }

    /// <summary>Appends the new version to the journal: durable before anything is acknowledged or published.</summary>
    private async Task<ReportRecord> StoreAsync(Submission submission, ReportChange change, ReportRecord? previous)
    {
        var number = previous is null ? _reports + 1 : _reports;
        var record = new ReportRecord(
            previous?.ReportId ?? new ReportId(this.GetPrimaryKeyString(), number).ToString(),
            (previous?.Version ?? 0) + 1,
            previous?.Kind ?? change.Kind!.Value,
            submission.Reporter,
            clock.GetUtcNow(),
            change.Withdraw ? previous!.Offer : change.Offer,
            change.Withdraw ? previous!.Need : change.Need,
            change.Withdraw,
            submission.IdempotencyKey);
        // Registered (and the flag stored) before the report is stored, so no stored open report is ever without its sweep.
        if (!change.Withdraw && await EnsureExpiryReminderAsync())
        {
            await state.WriteStateAsync();
        }

        await journal.AppendAsync(this.GetPrimaryKeyString(), record);
        _history.Add(record);
        _reports = number;
        LatestById[record.ReportId] = record;
        ByKey[record.IdempotencyKey] = record;
        if (previous is not null)
        {
            _open = null; // a correction or withdrawal changes a position in place: read them again
        }
        else if (_open is { } open && !record.Withdrawn && Until(record) >= open.Day)
        {
            // A new report comes last in report order, as it would when read again.
            (record.Kind == ReportKind.Offer ? open.Offers : open.Needs).Add(Position(record));
        }

        return record;
    }

    private async Task<IReadOnlyList<ExchangeMatch>> PublishChangeAsync(ReportRecord record, ReportRecord? previous)
    {
        // The park first, then the exchange: an exchange rebuilt from the park at any moment in between either
        // already has this change or is about to receive it, so the two never disagree for long.
        await Park().NotifyChangedAsync(Contribution());
        if (previous is not null && (record.Withdrawn || Material(previous) != Material(record) || record.Offer?.Visibility == OfferVisibility.AdministrationOnly))
        {
            await Exchange(Material(previous)).RemoveAsync(record.ReportId);
        }

        return record.Withdrawn ? [] : await PublishAsync(record);
    }

    private Task<IReadOnlyList<ExchangeMatch>> MatchesAsync(ReportRecord record) =>
        record.Withdrawn || Until(record) < Today ? Task.FromResult<IReadOnlyList<ExchangeMatch>>([]) : PublishAsync(LatestById[record.ReportId]);

    private Task<IReadOnlyList<ExchangeMatch>> PublishAsync(ReportRecord record)
    {
        var position = Position(record);
        if (position.AdministrationOnly)
        {
            // Offered to the administration only: no exchange holds it, so no enterprise is matched to it.
            return Task.FromResult<IReadOnlyList<ExchangeMatch>>([]);
        }

        var exchange = Exchange(position.MaterialId);
        return record.Kind == ReportKind.Offer ? exchange.OfferAsync(position) : exchange.NeedAsync(position);
    }

    // A report version's position never changes (until the profile does): computed once, as every report
    // re-sends all open positions to the park.
    private OpenPosition Position(ReportRecord r)
    {
        if (_positions.TryGetValue(r.ReportId, out var known) && ReferenceEquals(known.Record, r))
        {
            return known.Position;
        }

        var position = ComputePosition(r);
        _positions[r.ReportId] = (r, position);
        return position;
    }

    private OpenPosition ComputePosition(ReportRecord r)
    {
        // Never throws, whatever was stored: a material the catalogue lacks or a quantity past the decimal range gives
        // an out-of-range position, which the park quarantines (ContributionCheck) instead of failing on it.
        var material = CatalogReader.Default.Find(Material(r));
        var annual = material is null ? decimal.MaxValue
            : r.Offer is { } o ? ReportValidator.AnnualQuantity(o.Quantity, o.Unit, o.Period, material)
            : ReportValidator.AnnualQuantity(r.Need!.Quantity, r.Need.Unit, r.Need.Period, material);
        return new OpenPosition(r.ReportId, Stored.Profile!.Id, Material(r), annual, Stored.Profile.Latitude, Stored.Profile.Longitude, Until(r))
        {
            Holds = StandingPositions.Holds(Stored.Profile),
            AdministrationOnly = r.Offer?.Visibility == OfferVisibility.AdministrationOnly,
        };
    }

    // Every report re-sends all open positions (the park's model is rebuilt from contributions). They are kept, in
    // report order, from one report to the next and read again only when the day changes or a report is corrected,
    // and they are the same objects each time, so the park re-checks only what changed.
    private EnterpriseContribution Contribution()
    {
        var today = Today;
        if (_open is not { } open || open.Day != today)
        {
            _open = open = new OpenPositions(today, [], []);
            foreach (var r in LatestById.Values)
            {
                if (!r.Withdrawn && Until(r) >= today)
                {
                    (r.Kind == ReportKind.Offer ? open.Offers : open.Needs).Add(Position(r));
                }
            }
        }

        return new EnterpriseContribution(Stored.Profile!, Stored.Flows, [.. open.Offers], [.. open.Needs]);
    }

    /// <summary>The open offers and needs as of <paramref name="Day"/>, in report order.</summary>
    private sealed record OpenPositions(DateOnly Day, List<OpenPosition> Offers, List<OpenPosition> Needs);

    /// <summary>The latest version of each report, in the order the reports were first made.</summary>
    private IEnumerable<ReportRecord> Latest() => LatestById.Values;

    // The version each idempotency key produced; built once per activation from the history, then kept current.
    private Dictionary<string, ReportRecord> ByKey => _byKey ??= _history.ToDictionary(r => r.IdempotencyKey, StringComparer.Ordinal);

    // Built once per activation from the history, then kept current: the history only grows.
    private Dictionary<string, ReportRecord> LatestById => _latest ??= _history
        .GroupBy(r => r.ReportId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!, StringComparer.Ordinal);

    private static string Material(ReportRecord r) => r.Offer?.MaterialId ?? r.Need!.MaterialId;

    private static DateOnly Until(ReportRecord r) => r.Offer?.AvailableTo ?? r.Need!.NeededBy;

    // References are kept: resolving one by key reflects over the interface each time.
    private IMaterialExchangeGrain Exchange(string material)
    {
        if (!_exchanges.TryGetValue(material, out var exchange))
        {
            _exchanges[material] = exchange = GrainFactory.GetGrain<IMaterialExchangeGrain>($"{Stored.Profile!.ParkId}/{material}");
        }

        return exchange;
    }

    private IParkGrain Park() => _park ??= GrainFactory.GetGrain<IParkGrain>(Stored.Profile!.ParkId);
}
