using ParkCycle.Domain.Model;

namespace ParkCycle.HeatIntegration;

/// <summary>
/// The facade: a park dataset's heat streams in, its <see cref="HeatIntegrationReport"/> out: the park's targets
/// (all streams as one problem), each enterprise alone, indirect integration through a carrier, a ΔTmin sweep, the
/// heat recovered today against the target, and the proposed heat exchanges checked against the pinch.
/// </summary>
public static class ParkHeatIntegration
{
    private const int Digits = 6;

    /// <summary>The report, or null when the dataset has no heat streams.</summary>
    /// <param name="exchanges">Proposed exchanges to check besides the dataset's planned waste-heat flows (e.g. the analysis' opportunities).</param>
    public static HeatIntegrationReport? Analyze(ParkDataset dataset, ParkHeatOptions? options = null, IEnumerable<ProposedHeatExchange>? exchanges = null)
    {
        options ??= new ParkHeatOptions();
        var streams = dataset.HeatStreams;
        if (streams.Count == 0)
        {
            return null;
        }

        var pinch = new PinchOptions { DtMinC = options.DtMinC };
        var targets = ProblemTable.Compute(streams, pinch);
        var enterprises = streams.GroupBy(s => s.EnterpriseId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var own = ProblemTable.Compute([.. g], pinch);
            return new EnterpriseHeatTargets(g.Key, g.Count(), R(own.HotUtilityKw), R(own.ColdUtilityKw), R(own.HeatRecoveryKw), Round(own.Pinch), own.Threshold);
        }).ToList();
        var site = TotalSite.Compute(streams, options.Carrier, pinch);
        var sweep = DtMinSweep.Compute(streams, options.SweepDtMinsC);
        var checks = PlannedHeatFlows(dataset).Concat(exchanges ?? []).Select(x => PinchCheck.Classify(targets, x))
            .Select(c => c with { SourceTemperatureC = R(c.SourceTemperatureC), SinkTemperatureC = R(c.SinkTemperatureC) }).ToList();

        return new HeatIntegrationReport(
            R(targets.DtMinC), R(targets.HotUtilityKw), R(targets.ColdUtilityKw), R(targets.HeatRecoveryKw), Round(targets.Pinch), targets.Threshold,
            new CompositeCurves(Round(targets.CompositeCurves.Hot), Round(targets.CompositeCurves.Cold)),
            [.. targets.GrandComposite.Select(p => new GrandCompositePoint(R(p.ShiftedTemperatureC), R(p.HeatKw)))],
            new AnnualEnergyGj(R(targets.AnnualGj.HotUtility), R(targets.AnnualGj.ColdUtility), R(targets.AnnualGj.HeatRecovery)),
            streams.Count, R(targets.HotDutyKw), R(targets.ColdDutyKw), R(targets.HoursPerYear), [.. targets.Pinches.Select(p => Round(p)!)],
            [.. targets.ProblemTable.Select(r => new CascadeInterval(R(r.UpperShiftedC), R(r.LowerShiftedC), R(r.NetCpKwPerK), R(r.SurplusKw), R(r.CascadedOutKw)))],
            enterprises, Round(site),
            [.. sweep.Select(s => new SweepPoint(R(s.DtMinC), R(s.HotUtilityKw), R(s.ColdUtilityKw), R(s.HeatRecoveryKw), R(s.PinchShiftedC), s.Threshold))],
            Today(dataset, targets.AnnualGj.HeatRecovery), checks);
    }

    /// <summary>
    /// The heat recovered today: existing flows of waste-heat materials between two enterprises of the park, in GJ/a,
    /// against the maximum heat recovery target in GJ/a.
    /// </summary>
    public static HeatToday Today(ParkDataset dataset, decimal targetGj)
    {
        decimal recovered = 0;
        var ids = new List<string>();
        foreach (var f in dataset.Flows)
        {
            if (f.Status != FlowStatus.Existing || ExternalNode.IsExternal(f.From) || ExternalNode.IsExternal(f.To)
                || dataset.FindMaterial(f.MaterialId)?.Category != MaterialCategory.WasteHeat
                || f.Quantity is not { } q || q.Dimension != Domain.Units.Dimension.Energy)
            {
                continue;
            }

            recovered += q.BaseValue;
            ids.Add(f.Id);
        }

        return new HeatToday(R(recovered), ids, R(targetGj), R(Math.Max(0, targetGj - recovered)), targetGj == 0 ? null : R(recovered / targetGj));
    }

    /// <summary>
    /// The dataset's planned waste-heat flows between enterprises as proposed exchanges: the source at the material's
    /// temperature, the sink at the lowest supply temperature of the consumer's cold streams (where it would start to
    /// use the heat; unknown when it has none).
    /// </summary>
    public static IEnumerable<ProposedHeatExchange> PlannedHeatFlows(ParkDataset dataset)
    {
        foreach (var f in dataset.Flows)
        {
            if (f.Status != FlowStatus.Planned || ExternalNode.IsExternal(f.From) || ExternalNode.IsExternal(f.To)
                || dataset.FindMaterial(f.MaterialId) is not { Category: MaterialCategory.WasteHeat, TemperatureC: { } t })
            {
                continue;
            }

            yield return new ProposedHeatExchange($"flow:{f.Id}", f.From, f.To, f.MaterialId, t, SinkTemperature(dataset, f.To));
        }
    }

    /// <summary>The lowest supply temperature of an enterprise's cold streams, in °C; null when it has none.</summary>
    public static decimal? SinkTemperature(ParkDataset dataset, string enterprise)
    {
        decimal? lowest = null;
        foreach (var s in dataset.HeatStreams)
        {
            if (s.Kind == HeatStreamKind.Cold && s.EnterpriseId == enterprise && (lowest is null || s.SupplyTemperatureC < lowest))
            {
                lowest = s.SupplyTemperatureC;
            }
        }

        return lowest;
    }

    private static TotalSiteTargets Round(TotalSiteTargets t) => t with
    {
        Enterprises = [.. t.Enterprises.Select(e => e with
        {
            HotUtilityKw = R(e.HotUtilityKw), ColdUtilityKw = R(e.ColdUtilityKw), HeatRecoveryKw = R(e.HeatRecoveryKw), PinchShiftedC = R(e.PinchShiftedC),
            ToCarrierMaxKw = R(e.ToCarrierMaxKw), FromCarrierMaxKw = R(e.FromCarrierMaxKw), ToCarrierKw = R(e.ToCarrierKw), FromCarrierKw = R(e.FromCarrierKw),
        })],
        SeparateHotUtilityKw = R(t.SeparateHotUtilityKw),
        SeparateColdUtilityKw = R(t.SeparateColdUtilityKw),
        IndirectRecoveryKw = R(t.IndirectRecoveryKw),
        HotUtilityAfterKw = R(t.HotUtilityAfterKw),
        ColdUtilityAfterKw = R(t.ColdUtilityAfterKw),
        DirectHotUtilityKw = R(t.DirectHotUtilityKw),
        DirectColdUtilityKw = R(t.DirectColdUtilityKw),
        SourceProfile = [.. t.SourceProfile.Select(p => new GrandCompositePoint(R(p.ShiftedTemperatureC), R(p.HeatKw)))],
        SinkProfile = [.. t.SinkProfile.Select(p => new GrandCompositePoint(R(p.ShiftedTemperatureC), R(p.HeatKw)))],
    };

    private static PinchPoint? Round(PinchPoint? p) => p is null ? null : new PinchPoint(R(p.ShiftedC), R(p.HotC), R(p.ColdC));

    private static List<CompositePoint> Round(IReadOnlyList<CompositePoint> points) => [.. points.Select(p => new CompositePoint(R(p.TemperatureC), R(p.HeatKw)))];

    /// <summary>Rounds to 6 decimal places and drops trailing zeros, so 20.000000 prints as 20.</summary>
    private static decimal R(decimal value) => Math.Round(value, Digits, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    private static decimal? R(decimal? value) => value is { } v ? R(v) : null;
}
