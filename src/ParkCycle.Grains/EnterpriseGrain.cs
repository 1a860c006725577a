using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>
/// One enterprise. Owns its profile, declared flows and reports; every accepted report is written to storage
/// before the call returns, then published to the material exchange and the park. Time comes from
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class EnterpriseGrain(
    [PersistentState("enterprise", GrainStorage.Name)] IPersistentState<EnterpriseState> state,
    TimeProvider clock,
    ParkCycleMetrics metrics) : Grain, IEnterpriseGrain
{
    private EnterpriseState S => state.State;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Daily sweep so expired availability stops being offered even if nobody asks.
        this.RegisterGrainTimer(_ => ExpireAsync(), new GrainTimerCreationOptions(TimeSpan.FromHours(1), TimeSpan.FromHours(24)) { Interleave = false });
        return Task.CompletedTask;
    }

    public async Task RegisterAsync(EnterpriseProfile profile, IReadOnlyList<DeclaredFlow> flows)
    {
        S.Profile = profile;
        S.Flows = [.. flows];
        await state.WriteStateAsync();
        var park = GrainFactory.GetGrain<IParkGrain>(profile.ParkId);
        await park.JoinAsync(profile.Id);
        await PublishDeclaredAsync();
        await park.NotifyChangedAsync(Contribution());
    }

    /// <summary>
    /// Declared imports are standing needs and declared disposals standing offers: the exchanges hold them too, so a
    /// new byproduct report finds the enterprises that buy what it replaces. Their ids are <c>flow:&lt;flow id&gt;</c>.
    /// </summary>
    private async Task PublishDeclaredAsync()
    {
        foreach (var f in S.Flows)
        {
            var material = CatalogReader.Default.Find(f.MaterialId);
            if (material is null || f.Quantity is not { } q || f.Status != "existing" || !Domain.Units.Unit.TryParse(f.Unit, out var unit))
            {
                continue;
            }

            var annual = new Domain.Units.Quantity(q, unit).ConvertTo(material.Unit).Value;
            var position = new OpenPosition($"flow:{f.Id}", S.Profile!.Id, material.Id, annual, S.Profile.Latitude, S.Profile.Longitude, DateOnly.MaxValue);
            if (f.From == Domain.Model.ExternalNode.Import && f.To == S.Profile.Id)
            {
                await Exchange(material.Id).StandAsync(position, ReportKind.Need);
            }
            else if (f.From == S.Profile.Id && (Domain.Model.ExternalNode.IsDisposal(f.To) || f.To == Domain.Model.ExternalNode.Market)
                && material.Category is not (Domain.Model.MaterialCategory.Product or Domain.Model.MaterialCategory.Energy or Domain.Model.MaterialCategory.RawMaterial))
            {
                await Exchange(material.Id).StandAsync(position, ReportKind.Offer);
            }
        }
    }

    public Task<EnterpriseProfile?> GetProfileAsync() => Task.FromResult(S.Profile);

    public Task<ReportOutcome> ReportByproductAsync(ByproductReport report, Submission submission) =>
        SubmitAsync(submission, null, ReportKind.Offer, report, null, false);

    public Task<ReportOutcome> ReportNeedAsync(NeedReport report, Submission submission) =>
        SubmitAsync(submission, null, ReportKind.Need, null, report, false);

    public Task<ReportOutcome> CorrectByproductAsync(string reportId, ByproductReport report, Submission submission) =>
        SubmitAsync(submission, reportId, ReportKind.Offer, report, null, false);

    public Task<ReportOutcome> WithdrawReportAsync(string reportId, Submission submission) =>
        SubmitAsync(submission, reportId, null, null, null, true);

    public Task<IReadOnlyList<ReportRecord>> GetReportsAsync(bool includeHistory = false) =>
        Task.FromResult<IReadOnlyList<ReportRecord>>(includeHistory ? [.. S.History] : [.. Latest()]);

    public Task<EnterpriseContribution?> GetContributionAsync() => Task.FromResult(S.Profile is null ? null : Contribution());

    public async Task<int> ExpireAsync()
    {
        if (S.Profile is null)
        {
            return 0;
        }

        var expired = Latest().Where(r => !r.Withdrawn && Until(r) < Today).ToList();
        foreach (var record in expired)
        {
            await Exchange(Material(record)).RemoveAsync(record.ReportId);
        }

        if (expired.Count > 0)
        {
            await GrainFactory.GetGrain<IParkGrain>(S.Profile.ParkId).NotifyChangedAsync(Contribution());
        }

        return expired.Count;
    }

    private async Task<ReportOutcome> SubmitAsync(Submission submission, string? reportId, ReportKind? kind, ByproductReport? offer, NeedReport? need, bool withdraw)
    {
        var outcome = await SubmitCoreAsync(submission, reportId, kind, offer, need, withdraw);
        metrics.Report(outcome.Accepted, offer is not null ? "offer" : need is not null ? "need" : "withdrawal");
        return outcome;
    }

    private async Task<ReportOutcome> SubmitCoreAsync(Submission submission, string? reportId, ReportKind? kind, ByproductReport? offer, NeedReport? need, bool withdraw)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(submission.IdempotencyKey))
        {
            errors.Add(new FieldError("idempotency_key", "a value is required"));
        }

        if (S.Profile is null)
        {
            errors.Add(new FieldError("enterprise", $"unknown enterprise '{this.GetPrimaryKeyString()}'"));
        }

        if (errors.Count > 0)
        {
            return ReportOutcome.Rejected(errors);
        }

        if (S.Keys.TryGetValue(submission.IdempotencyKey, out var seen))
        {
            // A retry: answer as the first time, change nothing.
            var parts = seen.Split('#');
            var original = S.History.Single(r => r.ReportId == parts[0] && r.Version == int.Parse(parts[1], CultureInfo.InvariantCulture));
            return new ReportOutcome(true, original.ReportId, original.Version, true, [], await MatchesAsync(original));
        }

        ReportRecord? previous = null;
        if (reportId is not null)
        {
            previous = Latest().FirstOrDefault(r => r.ReportId == reportId);
            if (previous is null)
            {
                return ReportOutcome.Rejected([new FieldError("report_id", $"unknown report '{reportId}'")]);
            }

            if (previous.Withdrawn)
            {
                return ReportOutcome.Rejected([new FieldError("report_id", $"report '{reportId}' was withdrawn")]);
            }

            if (kind is { } k && k != previous.Kind)
            {
                return ReportOutcome.Rejected([new FieldError("report_id", $"report '{reportId}' is a {previous.Kind.ToString().ToLowerInvariant()}")]);
            }
        }

        if (offer is not null)
        {
            errors.AddRange(ReportValidator.Validate(offer, CatalogReader.Default, Today));
        }

        if (need is not null)
        {
            errors.AddRange(ReportValidator.Validate(need, CatalogReader.Default, Today));
        }

        if (errors.Count > 0)
        {
            return ReportOutcome.Rejected(errors);
        }

        var id = previous?.ReportId ?? $"{this.GetPrimaryKeyString()}-r{++S.NextReport}";
        var record = new ReportRecord(
            id,
            (previous?.Version ?? 0) + 1,
            previous?.Kind ?? kind!.Value,
            submission.Reporter,
            clock.GetUtcNow(),
            withdraw ? previous!.Offer : offer,
            withdraw ? previous!.Need : need,
            withdraw,
            submission.IdempotencyKey);
        S.History.Add(record);
        S.Keys[submission.IdempotencyKey] = $"{record.ReportId}#{record.Version}";
        try
        {
            await state.WriteStateAsync(); // durable before anything is acknowledged or published
        }
        catch
        {
            // Nothing was stored: put the in-memory state back as it was.
            S.History.RemoveAt(S.History.Count - 1);
            S.Keys.Remove(submission.IdempotencyKey);
            throw;
        }

        IReadOnlyList<ExchangeMatch> matches = [];
        if (withdraw || (previous is not null && Material(previous) != Material(record)))
        {
            await Exchange(Material(previous!)).RemoveAsync(id);
        }

        if (!withdraw)
        {
            matches = await PublishAsync(record);
        }

        await GrainFactory.GetGrain<IParkGrain>(S.Profile!.ParkId).NotifyChangedAsync(Contribution());
        return new ReportOutcome(true, record.ReportId, record.Version, false, [], matches);
    }

    private Task<IReadOnlyList<ExchangeMatch>> MatchesAsync(ReportRecord record) =>
        record.Withdrawn || Until(record) < Today ? Task.FromResult<IReadOnlyList<ExchangeMatch>>([]) : PublishAsync(Latest().Single(r => r.ReportId == record.ReportId));

    private Task<IReadOnlyList<ExchangeMatch>> PublishAsync(ReportRecord record)
    {
        var position = Position(record);
        var exchange = Exchange(position.MaterialId);
        return record.Kind == ReportKind.Offer ? exchange.OfferAsync(position) : exchange.NeedAsync(position);
    }

    private OpenPosition Position(ReportRecord r)
    {
        var material = CatalogReader.Default.Find(Material(r))!;
        var annual = r.Offer is { } o
            ? ReportValidator.AnnualQuantity(o.Quantity, o.Unit, o.Period, material)
            : ReportValidator.AnnualQuantity(r.Need!.Quantity, r.Need.Unit, r.Need.Period, material);
        return new OpenPosition(r.ReportId, S.Profile!.Id, material.Id, annual, S.Profile.Latitude, S.Profile.Longitude, Until(r));
    }

    private EnterpriseContribution Contribution()
    {
        var open = Latest().Where(r => !r.Withdrawn && Until(r) >= Today).ToList();
        return new EnterpriseContribution(S.Profile!, S.Flows,
            [.. open.Where(r => r.Kind == ReportKind.Offer).Select(Position)],
            [.. open.Where(r => r.Kind == ReportKind.Need).Select(Position)]);
    }

    private IEnumerable<ReportRecord> Latest() =>
        S.History.GroupBy(r => r.ReportId, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Version)!);

    private static string Material(ReportRecord r) => r.Offer?.MaterialId ?? r.Need!.MaterialId;

    private static DateOnly Until(ReportRecord r) => r.Offer?.AvailableTo ?? r.Need!.NeededBy;

    private IMaterialExchangeGrain Exchange(string material) =>
        GrainFactory.GetGrain<IMaterialExchangeGrain>($"{S.Profile!.ParkId}/{material}");
}
