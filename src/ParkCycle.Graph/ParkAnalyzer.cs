using System.Diagnostics;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>The engine's facade: one dataset in, one <see cref="ParkAnalysis"/> out. Pure and thread-safe.</summary>
public static class ParkAnalyzer
{
    /// <summary>Analyses the park's existing flows: balances, loops, exchange opportunities and plan, chain gaps, energy and carbon accounts and KPIs. Defaults: <see cref="AnalysisOptions"/>'s and the catalogue's knowledge.</summary>
    public static ParkAnalysis Analyze(ParkDataset dataset, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var knowledge = options.Knowledge ?? AnalysisKnowledge.Default;
        var clock = Stopwatch.StartNew();

        var graph = new FlowGraph(dataset);
        var reachability = new Reachability(graph);
        var substitutions = SubstitutionIndex.For(dataset);
        var facts = new OffersAndNeeds(graph);

        // Balances, loops, gaps, accounts and KPIs do not need the exchange opportunities: they are worked out on
        // another thread while the matchmaker and then the plan's linear programme run, so a core the matching or
        // the programme leaves idle is used.
        var existing = Task.Run(() =>
        {
            var balance = new BalanceCalculator(graph, options.BalanceTolerance).Compute();
            var loops = new LoopFinder(graph, options.Loops).Compute();
            var gaps = new ChainGapFinder(graph, knowledge, substitutions, reachability, options.Matching).Compute(facts);
            var accounts = new Accountant(dataset, new EmissionFactors(dataset, options.Accounting)).Compute();
            var kpis = new KpiCalculator(graph, knowledge.Indicators, accounts, knowledge.EnergyBenchmarks).Compute();
            return (balance, loops, gaps, accounts, kpis);
        });
        IReadOnlyList<ExchangeOpportunity> opportunities = new Matchmaker(substitutions, options.Matching, ExchangeEconomics.For(dataset, options.Matching), facts.Processors)
            .Compute(facts.Offers, facts.Needs, (consumer, supplier) => reachability.Reaches(graph.IndexOf(consumer), graph.IndexOf(supplier)));
        var plan = new ExchangePlanner(options.Matching).Compute(
            opportunities,
            facts.Offers.Where(o => o.Quantity is not null).ToDictionary(o => o.Id, o => o.Quantity!.Value, StringComparer.Ordinal),
            facts.Needs.Where(n => n.Quantity is not null).ToDictionary(n => n.Id, n => n.Quantity!.Value, StringComparer.Ordinal));
        var (balance, loops, gaps, accounts, kpis) = existing.GetAwaiter().GetResult();
        var heat = ParkHeatSection.Build(dataset, options.Heat, opportunities, plan);
        opportunities = ParkHeatSection.Flag(opportunities, "opportunity", heat);
        plan = plan with { Exchanges = ParkHeatSection.Flag(plan.Exchanges, "plan", heat) };

        var summary = new AnalysisSummary(
            dataset.Manifest.Id,
            dataset.Manifest.Name,
            dataset.Enterprises.Count,
            dataset.Flows.Count,
            dataset.Flows.Count(f => f.Quantity is null),
            loops.Loops.Count,
            loops.Capped,
            opportunities.Count,
            plan.Exchanges.Count,
            plan.TotalCo2eAvoidedT,
            plan.TotalNetValueCny,
            gaps.Count,
            kpis.Count(k => k.Status == KpiStatus.Met),
            kpis.Count(k => k.Status == KpiStatus.NotMet),
            kpis.Count(k => k.Value is null),
            balance.SolidWasteAbsorbedShare,
            clock.ElapsedMilliseconds);
        return new ParkAnalysis(summary, balance, loops, opportunities, plan, gaps, kpis) { Energy = accounts.Energy, Carbon = accounts.Carbon, HeatIntegration = heat };
    }
}
