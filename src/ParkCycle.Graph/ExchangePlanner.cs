using System.Collections.Concurrent;
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

    // Candidates per solver when small programmes are batched together: one solver per tiny programme would cost
    // more to build than to solve (estimate, measured on the synthetic 10,000-enterprise park).
    private const int BatchSize = 2_000;

    /// <summary>Plans the opportunities within the offers' and needs' quantities (by offer and need id, source and target units).</summary>
    public ExchangePlan Compute(IReadOnlyList<ExchangeOpportunity> opportunities, IReadOnlyDictionary<string, decimal> offerQuantities, IReadOnlyDictionary<string, decimal> needQuantities)
    {
        // An opportunity whose whole quantity is below its process's minimum scale could only ever be dropped
        // after solving: leaving it out first spares a re-plan and reaches the same optimum.
        var usable = opportunities.Where(o => o.Quantity is > 0 && o.TransportCnyPerUnit is not null && o.Quantity >= MinimumScale(o)).ToList();
        var excluded = opportunities.Count(o => o.Quantity is null || o.TransportCnyPerUnit is null);
        var candidates = Candidates(usable);
        if (candidates.Count == 0)
        {
            return new ExchangePlan([], 0, 0, 0, 0, excluded, "GLOP", "nothing to plan");
        }

        // Offers and needs that no candidate links share no constraint, so the LP falls apart into independent
        // programmes. Solving them apart (and side by side) gives the same optimum far faster than one LP of
        // them all: the simplex's work grows faster than the programme's size.
        var batches = Batches(candidates);
        var solutions = new Solution[batches.Count];
        // The largest first, each worker taking the next when it is free: the largest alone takes most of the time,
        // so it must not wait behind (or share a worker's range with) the next largest.
        var largestFirst = Enumerable.Range(0, batches.Count).OrderByDescending(b => batches[b].Count).ToList();
        Parallel.ForEach(Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering), b =>
            solutions[b] = SolveAtScale(batches[b].Select(k => candidates[k]).ToList(), offerQuantities, needQuantities));
        if (solutions.FirstOrDefault(s => s.Status is not ("optimal" or "feasible")) is { } failed)
        {
            return new ExchangePlan([], 0, 0, 0, 0, excluded, "GLOP", failed.Status);
        }

        // Exchanges in the candidates' order, whichever programme chose them.
        var chosen = new List<(int Index, decimal Amount)>();
        for (var b = 0; b < batches.Count; b++)
        {
            chosen.AddRange(batches[b].Select((k, i) => (k, solutions[b].Amounts[i])).Where(c => c.Item2 > 0.0005m));
        }

        chosen.Sort((a, b) => a.Index.CompareTo(b.Index));
        var status = solutions.All(s => s.Status == "optimal") ? "optimal" : "feasible";
        var objective = Math.Round((decimal)solutions.Sum(s => s.Objective), 2);
        return Totals([.. chosen.Select(c => candidates[c.Index].At(c.Amount))], objective, status, excluded);
    }

    /// <summary>
    /// The candidates' indices split into independent programmes: candidates are linked when they share an offer or
    /// a need (a blending cap is within one need), and linked parts never split; small parts are batched together in
    /// their first candidates' order (one solver for many tiny programmes), each batch's indices ascending.
    /// </summary>
    private static List<List<int>> Batches(List<ExchangeOpportunity> candidates)
    {
        // Offers and needs numbered apart (an offer and a need may share an id), in one union-find.
        var offers = new Dictionary<string, int>(StringComparer.Ordinal);
        var needs = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        int Party(Dictionary<string, int> parties, string id) => parties.TryGetValue(id, out var i) ? i : parties[id] = count++;
        var ends = candidates.Select(c => (Offer: Party(offers, c.OfferId), Need: Party(needs, c.NeedId))).ToList();
        var parent = Enumerable.Range(0, count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i] = parent[parent[i]];
            }

            return i;
        }

        foreach (var (offer, need) in ends)
        {
            parent[Root(offer)] = Root(need);
        }

        var parts = Groups(candidates.Count, k => Root(ends[k].Offer));
        var batches = new List<List<int>>();
        List<int>? open = null;
        foreach (var part in parts)
        {
            if (open is null || open.Count >= BatchSize)
            {
                batches.Add(open = []);
            }

            open.AddRange(part);
        }

        foreach (var batch in batches)
        {
            batch.Sort();
        }

        return batches;
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
        where TKey : notnull => Groups(opportunities.Count, k => key(opportunities[k]));

    /// <summary>The indices 0..count-1 grouped by a key, groups in the order their keys first appear, indices ascending.</summary>
    private static List<List<int>> Groups<TKey>(int count, Func<int, TKey> key)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, int>();
        var groups = new List<List<int>>();
        for (var k = 0; k < count; k++)
        {
            var of = key(k);
            if (!index.TryGetValue(of, out var g))
            {
                index[of] = g = groups.Count;
                groups.Add([]);
            }

            groups[g].Add(k);
        }

        return groups;
    }

    /// <summary>One programme's amounts (aligned with its candidates, 0 where none), objective and status.</summary>
    private sealed record Solution(decimal[] Amounts, double Objective, string Status);

    /// <summary>
    /// Solves one programme, then drops what falls below its minimum economic scale and solves again (the scale is
    /// not linear). A dropped candidate's bound is set to 0 in the same solver, so GLOP starts again from the basis
    /// it has instead of from nothing.
    /// </summary>
    private Solution SolveAtScale(List<ExchangeOpportunity> candidates, IReadOnlyDictionary<string, decimal> offerQuantities, IReadOnlyDictionary<string, decimal> needQuantities)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP solver is not available");
        var x = Variables(solver, candidates);
        Limit(solver, x, candidates, o => o.OfferId, id => offerQuantities[id], _ => 1);
        Limit(solver, x, candidates, o => o.NeedId, id => needQuantities[id], o => o.Ratio);
        BlendingCaps(solver, x, candidates, needQuantities);
        var solution = Solve(solver, x);
        for (var round = 0; round < MaxScaleRounds && solution.Status is "optimal" or "feasible"; round++)
        {
            var tooSmall = Enumerable.Range(0, candidates.Count)
                .Where(k => solution.Amounts[k] > 0.0005m && solution.Amounts[k] < MinimumScale(candidates[k])).ToList();
            if (tooSmall.Count == 0)
            {
                break;
            }

            tooSmall.ForEach(k => x[k].SetUb(0));
            solution = Solve(solver, x);
        }

        return solution;
    }

    private static Solution Solve(Solver solver, Variable[] x)
    {
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new Solution([], 0, status.ToString().ToLowerInvariant());
        }

        // Truncate, never round up: a rounded-up share could break a supply or demand limit.
        var amounts = x.Select(v => Math.Round((decimal)v.SolutionValue(), 3, MidpointRounding.ToZero)).ToArray();
        return new Solution(amounts, solver.Objective().Value(), status == Solver.ResultStatus.OPTIMAL ? "optimal" : "feasible");
    }

    private Variable[] Variables(Solver solver, List<ExchangeOpportunity> candidates)
    {
        var x = new Variable[candidates.Count];
        var objective = solver.Objective();
        for (var k = 0; k < candidates.Count; k++)
        {
            // The opportunity's quantity is already min(offer, need × cap / ratio), a valid upper bound.
            x[k] = solver.MakeNumVar(0, (double)candidates[k].Quantity!.Value, string.Empty);
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
            var c = solver.MakeConstraint(0, (double)capacity(id), string.Empty);
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
            var c = solver.MakeConstraint(0, (double)cap, string.Empty);
            foreach (var k in group)
            {
                c.SetCoefficient(x[k], (double)candidates[k].Ratio);
            }
        }
    }

    private static ExchangePlan Totals(List<ExchangeOpportunity> exchanges, decimal objective, string status, int excluded) =>
        new(
            exchanges,
            exchanges.Sum(e => e.Co2eAvoidedT ?? 0),
            Math.Round(exchanges.Sum(e => e.Quantity!.Value * e.TransportCnyPerUnit!.Value), 0),
            exchanges.Sum(e => e.NetValueCny ?? 0),
            objective,
            excluded,
            "GLOP",
            status);

    private decimal MinimumScale(ExchangeOpportunity o) =>
        Math.Max(options.MinimumExchange, o.Process is { } p ? options.MinimumScale.GetValueOrDefault(p) : 0m);

    /// <summary>The value per source unit the plan maximises: the opportunity's own net value per unit (<see cref="ExchangeEconomics"/>).</summary>
    public decimal Weight(ExchangeOpportunity o) => o.ValueCnyPerUnit ?? 0m;
}
