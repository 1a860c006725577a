namespace ParkCycle.Graph.Tests;

/// <summary>The LP plan against exhaustive search over integer allocations of small random instances.</summary>
public class PlannerTests
{
    private static ExchangeOpportunity Opportunity(string offer, string need, decimal quantity, decimal co2ePerUnit, decimal transportPerUnit) => new(
        "S" + offer, "C" + need, "m", "m", quantity, "t", 1m, quantity * co2ePerUnit, true, 0, false, offer, need, null, 1m, quantity, "t",
        "ext:landfill", transportPerUnit, (co2ePerUnit * 90) - transportPerUnit, 100m, co2ePerUnit);

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_MatchesExhaustiveSearch(int seed)
    {
        var random = new Random(seed);
        var offers = Enumerable.Range(0, random.Next(1, 4)).ToDictionary(i => $"o{i}", _ => (decimal)random.Next(0, 4));
        var needs = Enumerable.Range(0, random.Next(1, 4)).ToDictionary(i => $"n{i}", _ => (decimal)random.Next(0, 4));
        var opportunities = (from o in offers from n in needs where random.NextDouble() < 0.8 && Math.Min(o.Value, n.Value) > 0
                             select Opportunity(o.Key, n.Key, Math.Min(o.Value, n.Value), random.Next(0, 5), random.Next(0, 300))).ToList();
        var planner = new ExchangePlanner(new MatchOptions());

        var plan = planner.Compute(opportunities, offers, needs);

        var best = Exhaustive(opportunities, offers, needs, planner);
        Assert.Equal(best, plan.Objective, 2);
        Assert.Equal(best, plan.Exchanges.Sum(e => e.Quantity!.Value * planner.Weight(e)), 2);
    }

    [Fact]
    public void Plan_WeighsEveryCandidateOfAnOffer_UnlessTheParkIsHuge()
    {
        // One offer of 10 t, five needs: three small valuable ones (1 t each at 100 CNY/t) and two large
        // cheaper ones (20 and 19 CNY/t). By hand: the three small ones (300) and 7 t to n3 (140) = 440.
        // Pruned to the best three by total value (n3 200, n4 190, n0 100): n0 (100) and 9 t to n3 (180) = 280.
        var opportunities = new List<ExchangeOpportunity>
        {
            Opportunity("o0", "n0", 1, 2, 80),
            Opportunity("o0", "n1", 1, 2, 80),
            Opportunity("o0", "n2", 1, 2, 80),
            Opportunity("o0", "n3", 10, 1, 70),
            Opportunity("o0", "n4", 10, 1, 71),
        };
        var offers = new Dictionary<string, decimal> { ["o0"] = 10 };
        var needs = new Dictionary<string, decimal> { ["n0"] = 1, ["n1"] = 1, ["n2"] = 1, ["n3"] = 10, ["n4"] = 10 };

        var exact = new ExchangePlanner(new MatchOptions()).Compute(opportunities, offers, needs);
        var pruned = new ExchangePlanner(new MatchOptions { PlanExactUpTo = 0 }).Compute(opportunities, offers, needs);

        Assert.Equal(440m, exact.Objective);
        Assert.Equal([("Cn0", 1m), ("Cn1", 1m), ("Cn2", 1m), ("Cn3", 7m)], exact.Exchanges.Select(e => (e.Consumer, e.Quantity!.Value)).OrderBy(e => e.Consumer).ToArray());
        Assert.Equal(280m, pruned.Objective);
    }

    private static decimal Exhaustive(List<ExchangeOpportunity> opportunities, Dictionary<string, decimal> offers, Dictionary<string, decimal> needs, ExchangePlanner planner)
    {
        var best = 0m;
        var x = new int[opportunities.Count];
        void Recurse(int k)
        {
            if (k == opportunities.Count)
            {
                var feasible = offers.All(o => opportunities.Select((op, i) => (op, i)).Where(p => p.op.OfferId == o.Key).Sum(p => x[p.i]) <= o.Value)
                    && needs.All(n => opportunities.Select((op, i) => (op, i)).Where(p => p.op.NeedId == n.Key).Sum(p => x[p.i]) <= n.Value);
                if (feasible)
                {
                    best = Math.Max(best, opportunities.Select((op, i) => x[i] * planner.Weight(op)).Sum());
                }

                return;
            }

            for (var v = 0; v <= (int)opportunities[k].Quantity!.Value; v++)
            {
                x[k] = v;
                Recurse(k + 1);
            }
        }

        Recurse(0);
        return best;
    }

    [Fact]
    public void Plan_SharesAScarceOfferBetweenTwoNeedsByValue()
    {
        // 10 t on offer; need n0 (worth 2/t after transport) and n1 (worth 4/t), 8 t each: 8 t go to n1, 2 t to n0.
        var opportunities = new List<ExchangeOpportunity>
        {
            Opportunity("o0", "n0", 8, 0.1m, 7m),
            Opportunity("o0", "n1", 8, 0.1m, 5m),
        };
        var plan = new ExchangePlanner(new MatchOptions()).Compute(opportunities, new Dictionary<string, decimal> { ["o0"] = 10 }, new Dictionary<string, decimal> { ["n0"] = 8, ["n1"] = 8 });

        Assert.Equal([("Cn0", 2m), ("Cn1", 8m)], plan.Exchanges.Select(e => (e.Consumer, e.Quantity!.Value)).OrderBy(e => e.Consumer).ToArray());
        Assert.Equal(36m, plan.Objective);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Plan_OfManyIndependentParts_IsEachPartsOptimum_InTheOpportunitiesOrder(int seed)
    {
        // 1,500 copies of the scarce-offer case (10 t, needs of 8 t worth 2/t and 4/t: 8 t to the better, 2 t to the
        // other, 36 CNY), each with its own offer and needs, shuffled: more candidates than one solver takes, so the
        // plan is put together from several programmes; each copy's own plan and the opportunities' order must survive.
        var random = new Random(seed);
        var offers = new Dictionary<string, decimal>();
        var needs = new Dictionary<string, decimal>();
        var opportunities = new List<ExchangeOpportunity>();
        for (var i = 0; i < 1_500; i++)
        {
            offers[$"o{i}"] = 10;
            needs[$"n{i}a"] = 8;
            needs[$"n{i}b"] = 8;
            opportunities.Add(Opportunity($"o{i}", $"n{i}a", 8, 0.1m, 7m));
            opportunities.Add(Opportunity($"o{i}", $"n{i}b", 8, 0.1m, 5m));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(opportunities));

        var plan = new ExchangePlanner(new MatchOptions()).Compute(opportunities, offers, needs);

        Assert.Equal(1_500 * 36m, plan.Objective);
        Assert.Equal(3_000, plan.Exchanges.Count);
        Assert.All(plan.Exchanges, e => Assert.Equal(e.NeedId.EndsWith('b') ? 8m : 2m, e.Quantity));
        Assert.Equal(opportunities.Select(o => o.NeedId), plan.Exchanges.Select(e => e.NeedId));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_OfSeveralSmallParksAtOnce_IsTheSumOfTheirOptima(int seed)
    {
        // Three random small parks side by side (their own offers and needs) and one offer linking two of them:
        // the plan's optimum is checked against exhaustive search over all of it.
        var random = new Random(seed);
        var offers = new Dictionary<string, decimal>();
        var needs = new Dictionary<string, decimal>();
        var opportunities = new List<ExchangeOpportunity>();
        for (var park = 0; park < 3; park++)
        {
            var o = Enumerable.Range(0, random.Next(1, 3)).Select(i => ($"p{park}o{i}", (decimal)random.Next(1, 3))).ToList();
            var n = Enumerable.Range(0, random.Next(1, 3)).Select(i => ($"p{park}n{i}", (decimal)random.Next(1, 3))).ToList();
            o.ForEach(x => offers[x.Item1] = x.Item2);
            n.ForEach(x => needs[x.Item1] = x.Item2);
            opportunities.AddRange(from a in o from b in n where random.NextDouble() < 0.8
                                   select Opportunity(a.Item1, b.Item1, Math.Min(a.Item2, b.Item2), random.Next(0, 5), random.Next(0, 300)));
        }

        offers["link"] = 2;
        opportunities.Add(Opportunity("link", "p0n0", Math.Min(2, needs["p0n0"]), random.Next(0, 5), random.Next(0, 300)));
        opportunities.Add(Opportunity("link", "p1n0", Math.Min(2, needs["p1n0"]), random.Next(0, 5), random.Next(0, 300)));
        var planner = new ExchangePlanner(new MatchOptions());

        var plan = planner.Compute(opportunities, offers, needs);

        Assert.Equal(Exhaustive(opportunities, offers, needs, planner), plan.Objective, 2);
    }

    [Fact]
    public void Plan_LeavesOutWhatCanNeverReachItsProcesssMinimumScale_AndGivesItsShareToTheNext()
    {
        // 10,000 t on offer. A digester (minimum 3,000 t/a, MatchOptions) could take at most 2,000 t at 50 CNY/t;
        // a direct use takes up to 10,000 t at 10 CNY/t. The digester can never be at scale: all 10,000 t go direct.
        var digester = Opportunity("o0", "n0", 2_000, 0.6m, 4m) with { Process = "anaerobic-digestion" };
        var direct = Opportunity("o0", "n1", 10_000, 0.2m, 8m);
        var plan = new ExchangePlanner(new MatchOptions()).Compute([digester, direct],
            new Dictionary<string, decimal> { ["o0"] = 10_000 }, new Dictionary<string, decimal> { ["n0"] = 2_000, ["n1"] = 10_000 });

        Assert.Equal([("Cn1", 10_000m)], plan.Exchanges.Select(e => (e.Consumer, e.Quantity!.Value)).ToArray());
        Assert.Equal(100_000m, plan.Objective);
    }
}
