using Google.OrTools.LinearSolver;

namespace ParkCycle.Graph;

/// <summary>The chosen exchanges and their totals (CO2e in t/a, money in CNY/a).</summary>
/// <param name="Exchanges">Opportunities with the quantity the plan assigns (source units).</param>
/// <param name="Excluded">Opportunities left out because a figure the optimiser needs is unknown.</param>
public sealed record ExchangePlan(
    IReadOnlyList<ExchangeOpportunity> Exchanges,
    decimal TotalCo2eAvoidedT,
    decimal TotalTransportCostCny,
    decimal TotalNetValueCny,
    decimal Objective,
    int Excluded,
    string Solver,
    string Status);

/// <summary>
/// Chooses exchanges that maximise CO2e avoided (valued at the carbon price) minus transport cost, within
/// each offer's available quantity and each need's demand: a transportation linear programme solved with
/// OR-Tools GLOP. Opportunities of unknown quantity or distance cannot be planned and are counted as excluded.
/// </summary>
public sealed class ExchangePlanner(MatchOptions options)
{
    public ExchangePlan Compute(IReadOnlyList<ExchangeOpportunity> opportunities, IReadOnlyDictionary<string, decimal> offerQuantities, IReadOnlyDictionary<string, decimal> needQuantities)
    {
        var usable = opportunities.Where(o => o.Quantity is > 0 && o.TransportCnyPerUnit is not null).ToList();
        var excluded = opportunities.Count(o => o.Quantity is null || o.TransportCnyPerUnit is null);
        var weights = usable.Select(Weight).ToList();
        // A real park's LP takes every positive candidate. In a very large one each offer brings only its best
        // few, so the LP stays small (the synthetic 10,000-enterprise park: 3 per offer instead of 10) at little
        // cost in optimality.
        var chosen = Enumerable.Range(0, usable.Count).Where(i => weights[i] > 0).ToList();
        if (chosen.Count > options.PlanExactUpTo)
        {
            chosen = chosen
                .GroupBy(i => usable[i].OfferId, StringComparer.Ordinal)
                .SelectMany(g => g.OrderByDescending(i => weights[i] * usable[i].Quantity!.Value).Take(options.PlanCandidatesPerOffer))
                .Order()
                .ToList();
        }
        if (chosen.Count == 0)
        {
            return new ExchangePlan([], 0, 0, 0, 0, excluded, "GLOP", "nothing to plan");
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP solver is not available");
        var x = new Variable[chosen.Count];
        var supply = new Dictionary<string, Constraint>(StringComparer.Ordinal);
        var demand = new Dictionary<string, Constraint>(StringComparer.Ordinal);
        var objective = solver.Objective();
        for (var k = 0; k < chosen.Count; k++)
        {
            var o = usable[chosen[k]];
            // The opportunity's quantity is already min(offer, need / ratio), a valid upper bound.
            x[k] = solver.MakeNumVar(0, (double)o.Quantity!.Value, $"x{k}");
            objective.SetCoefficient(x[k], (double)weights[chosen[k]]);
        }

        // Offer and need capacities: recover them from the opportunities that share an offer or a need.
        foreach (var group in Enumerable.Range(0, chosen.Count).GroupBy(k => usable[chosen[k]].OfferId, StringComparer.Ordinal))
        {
            var offerCap = offerQuantities[group.Key];
            var c = solver.MakeConstraint(0, (double)offerCap, $"supply:{group.Key}");
            foreach (var k in group)
            {
                c.SetCoefficient(x[k], 1);
            }

            supply[group.Key] = c;
        }

        foreach (var group in Enumerable.Range(0, chosen.Count).GroupBy(k => usable[chosen[k]].NeedId, StringComparer.Ordinal))
        {
            var needCap = needQuantities[group.Key];
            var c = solver.MakeConstraint(0, (double)needCap, $"demand:{group.Key}");
            foreach (var k in group)
            {
                c.SetCoefficient(x[k], (double)usable[chosen[k]].Ratio);
            }

            demand[group.Key] = c;
        }

        objective.SetMaximization();
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new ExchangePlan([], 0, 0, 0, 0, excluded, "GLOP", status.ToString().ToLowerInvariant());
        }

        var exchanges = new List<ExchangeOpportunity>();
        for (var k = 0; k < chosen.Count; k++)
        {
            // Truncate, never round up: a rounded-up share could break a supply or demand limit.
            var amount = Math.Round((decimal)x[k].SolutionValue(), 3, MidpointRounding.ToZero);
            if (amount <= 0.0005m)
            {
                continue;
            }

            var o = usable[chosen[k]];
            exchanges.Add(o with
            {
                Quantity = amount,
                ReplacedQuantity = Math.Round(amount * o.Ratio, 3),
                Co2eAvoidedT = Math.Round(amount * o.Co2ePerUnit, 3),
                NetValueCny = Math.Round(amount * o.ValueCnyPerUnit!.Value, 0),
            });
        }

        return new ExchangePlan(
            exchanges,
            exchanges.Sum(e => e.Co2eAvoidedT ?? 0),
            Math.Round(exchanges.Sum(e => e.Quantity!.Value * e.TransportCnyPerUnit!.Value), 0),
            exchanges.Sum(e => e.NetValueCny ?? 0),
            Math.Round((decimal)objective.Value(), 2),
            excluded,
            "GLOP",
            status == Solver.ResultStatus.OPTIMAL ? "optimal" : "feasible");
    }

    /// <summary>The value per source unit the plan maximises: CO2e at the carbon price, minus transport.</summary>
    public decimal Weight(ExchangeOpportunity o) => (o.Co2ePerUnit * options.CarbonPriceCnyPerTonne) - (o.TransportCnyPerUnit ?? 0);
}
