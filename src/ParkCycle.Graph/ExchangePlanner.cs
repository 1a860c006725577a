using Google.OrTools.LinearSolver;

namespace ParkCycle.Graph;

/// <summary>
/// Chooses exchanges that maximise their net value (<see cref="ExchangeEconomics"/>: avoided purchase and disposal,
/// carbon, less transport and processing; the figure each opportunity carries) within each offer's available
/// quantity, each need's demand and each pathway's blending cap: a transportation linear programme solved with
/// OR-Tools GLOP. Exchanges below the minimum economic scale of their process are dropped and the rest re-planned.
/// Opportunities of unknown quantity or distance cannot be planned and are counted as excluded.
/// </summary>
public sealed class ExchangePlanner(MatchOptions options)
{
    private const int MaxScaleRounds = 4;

    /// <summary>Plans the opportunities within the offers' and needs' quantities (by offer and need id, source and target units).</summary>
    public ExchangePlan Compute(IReadOnlyList<ExchangeOpportunity> opportunities, IReadOnlyDictionary<string, decimal> offerQuantities, IReadOnlyDictionary<string, decimal> needQuantities)
    {
        var usable = opportunities.Where(o => o.Quantity is > 0 && o.TransportCnyPerUnit is not null).ToList();
        var excluded = opportunities.Count(o => o.Quantity is null || o.TransportCnyPerUnit is null);
        var candidates = Candidates(usable);
        if (candidates.Count == 0)
        {
            return new ExchangePlan([], 0, 0, 0, 0, excluded, "GLOP", "nothing to plan");
        }

        // Minimum economic scale is not linear: plan, drop what falls below its scale, plan the rest again.
        var solution = Solve(candidates, offerQuantities, needQuantities);
        for (var round = 0; round < MaxScaleRounds && solution.Status is "optimal" or "feasible"; round++)
        {
            var tooSmall = solution.Amounts.Where(a => a.Amount < MinimumScale(a.Opportunity)).Select(a => a.Opportunity).ToHashSet();
            if (tooSmall.Count == 0)
            {
                break;
            }

            candidates = [.. candidates.Where(c => !tooSmall.Contains(c))];
            solution = candidates.Count == 0 ? new Solution([], 0, "optimal") : Solve(candidates, offerQuantities, needQuantities);
        }

        if (solution.Status is not ("optimal" or "feasible"))
        {
            return new ExchangePlan([], 0, 0, 0, 0, excluded, "GLOP", solution.Status);
        }

        return Totals(solution, excluded);
    }

    /// <summary>
    /// The opportunities worth weighing: every positive one in a real park; in a very large park each offer's best
    /// few, so the LP stays small (the synthetic 10,000-enterprise park: 3 per offer instead of 10) at little cost in optimality.
    /// </summary>
    private List<ExchangeOpportunity> Candidates(List<ExchangeOpportunity> usable)
    {
        var positive = usable.Where(o => Weight(o) > 0).ToList();
        if (positive.Count <= options.PlanExactUpTo)
        {
            return positive;
        }

        // Each offer's best few by total value (the earlier on a tie), kept in their original order.
        var keep = new bool[positive.Count];
        var value = new decimal[positive.Count];
        foreach (var group in Groups(positive, o => o.OfferId))
        {
            foreach (var k in group)
            {
                value[k] = Weight(positive[k]) * positive[k].Quantity!.Value;
            }

            group.Sort((a, b) => value[b] != value[a] ? value[b].CompareTo(value[a]) : a.CompareTo(b));
            for (var i = 0; i < Math.Min(options.PlanCandidatesPerOffer, group.Count); i++)
            {
                keep[group[i]] = true;
            }
        }

        var result = new List<ExchangeOpportunity>();
        for (var k = 0; k < positive.Count; k++)
        {
            if (keep[k])
            {
                result.Add(positive[k]);
            }
        }

        return result;
    }

    /// <summary>The opportunities' indices grouped by a key, groups in the order their keys first appear, indices ascending.</summary>
    private static List<List<int>> Groups<TKey>(List<ExchangeOpportunity> opportunities, Func<ExchangeOpportunity, TKey> key)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, int>();
        var groups = new List<List<int>>();
        for (var k = 0; k < opportunities.Count; k++)
        {
            var of = key(opportunities[k]);
            if (!index.TryGetValue(of, out var g))
            {
                index[of] = g = groups.Count;
                groups.Add([]);
            }

            groups[g].Add(k);
        }

        return groups;
    }

    private sealed record Solution(IReadOnlyList<(ExchangeOpportunity Opportunity, decimal Amount)> Amounts, decimal Objective, string Status);

    private Solution Solve(List<ExchangeOpportunity> candidates, IReadOnlyDictionary<string, decimal> offerQuantities, IReadOnlyDictionary<string, decimal> needQuantities)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP solver is not available");
        var x = Variables(solver, candidates);
        Limit(solver, x, candidates, o => o.OfferId, id => offerQuantities[id], _ => 1);
        Limit(solver, x, candidates, o => o.NeedId, id => needQuantities[id], o => o.Ratio);
        BlendingCaps(solver, x, candidates, needQuantities);
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new Solution([], 0, status.ToString().ToLowerInvariant());
        }

        // Truncate, never round up: a rounded-up share could break a supply or demand limit.
        var amounts = candidates.Select((o, k) => (o, Math.Round((decimal)x[k].SolutionValue(), 3, MidpointRounding.ToZero)))
            .Where(a => a.Item2 > 0.0005m).ToList();
        return new Solution(amounts, Math.Round((decimal)solver.Objective().Value(), 2), status == Solver.ResultStatus.OPTIMAL ? "optimal" : "feasible");
    }

    private Variable[] Variables(Solver solver, List<ExchangeOpportunity> candidates)
    {
        var x = new Variable[candidates.Count];
        var objective = solver.Objective();
        for (var k = 0; k < candidates.Count; k++)
        {
            // The opportunity's quantity is already min(offer, need × cap / ratio), a valid upper bound.
            x[k] = solver.MakeNumVar(0, (double)candidates[k].Quantity!.Value, $"x{k}");
            objective.SetCoefficient(x[k], (double)Weight(candidates[k]));
        }

        objective.SetMaximization();
        return x;
    }

    // One constraint per offer (or need): what the exchanges sharing it take stays within its quantity.
    private static void Limit(Solver solver, Variable[] x, List<ExchangeOpportunity> candidates, Func<ExchangeOpportunity, string> key, Func<string, decimal> capacity, Func<ExchangeOpportunity, decimal> coefficient)
    {
        foreach (var group in Groups(candidates, key))
        {
            var id = key(candidates[group[0]]);
            var c = solver.MakeConstraint(0, (double)capacity(id), id);
            foreach (var k in group)
            {
                c.SetCoefficient(x[k], (double)coefficient(candidates[k]));
            }
        }
    }

    // A blending cap bounds everything one pathway brings into one need (several suppliers of fly ash share the cap).
    private static void BlendingCaps(Solver solver, Variable[] x, List<ExchangeOpportunity> candidates, IReadOnlyDictionary<string, decimal> needQuantities)
    {
        // Opportunities without a cap or rule share the null key's group, which is skipped.
        foreach (var group in Groups(candidates, o => o.MaxShare is not null && o.RuleId is not null ? (o.NeedId, o.RuleId) : (string.Empty, null)))
        {
            var first = candidates[group[0]];
            if (group.Count < 2 || first.MaxShare is null || first.RuleId is null)
            {
                continue;
            }

            var cap = needQuantities[first.NeedId] * first.MaxShare.Value;
            var c = solver.MakeConstraint(0, (double)cap, $"cap:{first.NeedId}:{first.RuleId}");
            foreach (var k in group)
            {
                c.SetCoefficient(x[k], (double)candidates[k].Ratio);
            }
        }
    }

    private static ExchangePlan Totals(Solution solution, int excluded)
    {
        var exchanges = solution.Amounts.Select(a => a.Opportunity.At(a.Amount)).ToList();
        return new ExchangePlan(
            exchanges,
            exchanges.Sum(e => e.Co2eAvoidedT ?? 0),
            Math.Round(exchanges.Sum(e => e.Quantity!.Value * e.TransportCnyPerUnit!.Value), 0),
            exchanges.Sum(e => e.NetValueCny ?? 0),
            solution.Objective,
            excluded,
            "GLOP",
            solution.Status);
    }

    private decimal MinimumScale(ExchangeOpportunity o) =>
        Math.Max(options.MinimumExchange, o.Process is { } p ? options.MinimumScale.GetValueOrDefault(p) : 0m);

    /// <summary>The value per source unit the plan maximises: the opportunity's own net value per unit (<see cref="ExchangeEconomics"/>).</summary>
    public decimal Weight(ExchangeOpportunity o) => o.ValueCnyPerUnit ?? 0m;
}
