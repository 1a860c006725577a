using System.Diagnostics;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Reconciliation;

/// <summary>
/// Reconciles a park's reported flows under its declared balances (<c>balances.csv</c>): each balance is the
/// constraint Σ inflows − Σ outflows = 0 in its scope's base unit (t, GJ or m³; flows in another dimension converted
/// through their material's properties, <see cref="BalanceScope.Coefficient"/>), each reported flow weighted by
/// its uncertainty (the <c>uncertainty</c> column, or the default for its provenance), flows of unknown quantity
/// estimated where the balances determine them.
/// </summary>
public static class ParkReconciliation
{
    /// <summary>Reconciles the park; a park with no declared balances gives an empty report that passes.</summary>
    public static ReconciliationReport Compute(ParkDataset park, ParkReconciliationOptions? options = null)
    {
        options ??= new ParkReconciliationOptions();
        var clock = Stopwatch.StartNew();
        var problem = new ReconciliationProblem();
        var variableOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var flows = new List<Flow>();
        var percents = new List<(decimal Percent, string From)>();
        var balanceTerms = new List<List<BalanceTerm>>();
        // Each enterprise's existing flows, indexed once: a park's balances then cost their own flows, not the park's.
        var byEnterprise = new Dictionary<string, List<Flow>>(StringComparer.Ordinal);
        foreach (var f in park.Flows.Where(f => f.Status == FlowStatus.Existing))
        {
            foreach (var node in f.From == f.To ? [f.From] : new[] { f.From, f.To })
            {
                if (!byEnterprise.TryGetValue(node, out var list))
                {
                    list = [];
                    byEnterprise[node] = list;
                }

                list.Add(f);
            }
        }

        foreach (var balance in park.Balances)
        {
            var terms = new List<ConstraintTerm>();
            var named = new List<BalanceTerm>();
            var members = byEnterprise.GetValueOrDefault(balance.EnterpriseId) ?? [];
            foreach (var flow in members)
            {
                if (balance.Scope.Coefficient(flow, park.FindMaterial(flow.MaterialId)) is not { } coefficient)
                {
                    continue;
                }

                if (!variableOf.TryGetValue(flow.Id, out var v))
                {
                    var stated = flow.UncertaintyPercent;
                    var provenance = FlowProvenances.Of(flow);
                    var percent = stated ?? options.DefaultPercent(provenance);
                    v = flow.Quantity is { } q
                        ? problem.AddMeasured(flow.Id, (double)q.Value, (double)(q.Value * percent / 100m))
                        : problem.AddUnknown(flow.Id);
                    variableOf[flow.Id] = v;
                    flows.Add(flow);
                    percents.Add((percent, stated is null ? Codes<FlowProvenance>.Of(provenance) : "stated"));
                }

                // Reported in its own unit, a flow counts in the balance's base unit by the scope's coefficient (across
                // dimensions through the material's density, calorific value or enthalpy).
                var sign = flow.To == balance.EnterpriseId ? 1.0 : -1.0;
                terms.Add(new ConstraintTerm(v, sign * (double)coefficient));
                named.Add(new BalanceTerm(flow.Id, sign * (double)coefficient));
            }

            balanceTerms.Add(named);
            problem.AddConstraint(balance.Id, terms);
        }

        var result = DataReconciler.Compute(problem, new ReconciliationOptions { Confidence = options.Confidence });
        var reconciled = result.Measurements.Select(m =>
        {
            var f = flows[m.Variable];
            return new ReconciledFlow(m.Id, f.From, f.To, f.MaterialId, f.Unit.Symbol, m.Reported, m.SigmaReported,
                percents[m.Variable].Percent, percents[m.Variable].From, m.Reconciled, m.SigmaReconciled, m.Adjustment, m.Test, m.Flagged, m.Redundant);
        }).ToList();
        var estimated = result.Estimated.Select(e => new EstimatedFlow(e.Id, flows[e.Variable].Unit.Symbol, e.Estimate, e.Sigma)).ToList();
        var balances = park.Balances.Select((b, i) =>
        {
            var unit = Unit.BaseOf(b.Scope.DimensionFor(b.Scope.MaterialId is { } id ? park.FindMaterial(id) : null));
            var r = result.Constraints[i];
            return new BalanceResidual(b.Id, b.EnterpriseId, b.Scope.ToString(), unit.Symbol, balanceTerms[i].Count, r.Reported, r.Reconciled, balanceTerms[i]);
        }).ToList();
        var g = result.GlobalTest;
        return new ReconciliationReport(park.Manifest.Id, options.Confidence, result.CriticalValue,
            new DefaultUncertainties(options.MeasuredPercent, options.PlanPercent, options.EstimatePercent),
            reconciled, estimated, result.Unobservable, new GlobalTestReport(g.Statistic, g.DegreesOfFreedom, g.PValue, g.Passed),
            balances, result.Blocks, clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// The park with each reconciled flow's quantity replaced by its reconciled value and each estimated flow's
    /// by its estimate (rounded to 6 significant decimals); flows outside every balance keep what was reported.
    /// </summary>
    public static ParkDataset Apply(ParkDataset park, ReconciliationReport report)
    {
        var values = report.Flows.ToDictionary(f => f.Id, f => f.Reconciled, StringComparer.Ordinal);
        foreach (var e in report.Estimated)
        {
            values[e.Id] = e.Estimate;
        }

        var flows = park.Flows.Select(f => values.TryGetValue(f.Id, out var v)
            ? f with { Quantity = new Quantity(Math.Round((decimal)Math.Max(0, v), 6), f.Unit) }
            : f).ToList();
        return new ParkDataset(park.Manifest, park.Zones, park.Enterprises, park.Materials, flows, park.Substitutions, park.Projects, park.Progress, park.Catalog)
        {
            Balances = park.Balances,
        };
    }
}
