using System.CommandLine;
using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Graph;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle analyze &lt;dataset&gt; [--json] [--out DIR] [--remove ID,..] [--add FILE]</c>: balance, loops,
/// opportunities, optimal plan, chain gaps, KPIs, and scenarios.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var json = CommonOptions.Json();
        var catalogOption = CommonOptions.Catalog();
        var outDir = new Option<string?>("--out") { Description = "write a self-contained HTML report (with a Sankey) and report.json into this folder" };
        var remove = new Option<string?>("--remove") { Description = "scenario: enterprises that exit or relocate, comma-separated ids" };
        var add = new Option<string?>("--add") { Description = "scenario: a small dataset of recruited enterprises (folder or JSON) to add" };
        var maxLoop = new Option<int>("--max-loop-length") { Description = "longest loop listed, in hops", DefaultValueFactory = _ => 8 };
        var reconciled = new Option<bool>("--reconciled") { Description = "analyse reconciled quantities (parkcycle reconcile: the flows in balances.csv's balances made consistent) instead of the reported ones" };
        var gridFactor = new Option<string?>("--grid-factor")
        {
            Description = $"grid emission factor for scope 2: {string.Join(", ", GridFactor.Known.Select(k => k.Id))} (default national-2022), or t CO2/MWh (e.g. a provincial factor; name its document with --grid-source)",
        };
        var gridSource = new Option<string?>("--grid-source") { Description = "the document a numeric --grid-factor comes from (shown in carbon.factors[].source)" };
        var coalRate = new Option<decimal?>("--coal-rate") { Description = "generation coal rate for electricity at equivalent value (等价值), gce/kWh (default 300.7, CEC 2022 national average)" };
        var coalSource = new Option<string?>("--coal-source") { Description = "the document --coal-rate comes from (shown in energy.sources)" };
        var command = new Command("analyze", "analyse a park: balances, loops, exchange opportunities, optimal plan, chain gaps (补链), KPIs")
        {
            dataset, json, outDir, remove, add, maxLoop, reconciled, catalogOption, gridFactor, gridSource, coalRate, coalSource,
        };
        command.SetAction(parse =>
        {
            var park = CommonOptions.LoadDataset(parse.GetValue(dataset)!, parse.GetValue(catalogOption));
            if (park is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(reconciled))
            {
                // Off by default: reported figures are what enterprises stated; reconciled ones are the platform's estimate.
                park = Reconciliation.ParkReconciliation.Apply(park, Reconciliation.ParkReconciliation.Compute(park));
            }

            if (Accounting(parse.GetValue(gridFactor), parse.GetValue(gridSource), parse.GetValue(coalRate), parse.GetValue(coalSource)) is not { } accounting)
            {
                return ExitCodes.InvalidInput;
            }

            var options = new AnalysisOptions { Loops = new LoopOptions { MaxLength = parse.GetValue(maxLoop) }, Accounting = accounting };
            var analysis = ParkAnalyzer.Analyze(park, options);
            if (parse.GetValue(reconciled))
            {
                analysis = analysis with { Summary = analysis.Summary with { Quantities = QuantityBasis.Reconciled } };
            }
            ScenarioReport? scenario = null;
            var removed = (parse.GetValue(remove) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var addPath = parse.GetValue(add);
            if (removed.Length > 0 || addPath is not null)
            {
                Domain.Model.ParkDataset? added = null;
                if (addPath is not null)
                {
                    var result = DatasetReader.Read(addPath, park.Catalog, new DatasetReadOptions { Context = park });
                    foreach (var problem in result.Problems)
                    {
                        Console.Error.WriteLine(problem);
                    }

                    if (result.Dataset is null)
                    {
                        return ExitCodes.InvalidInput;
                    }

                    added = result.Dataset;
                }

                try
                {
                    (_, scenario) = Scenario.Compare(park, analysis, removed, added, options);
                }
                catch (ArgumentException ex)
                {
                    Console.Error.WriteLine($"parkcycle: {ex.Message.Split(" (Parameter")[0]}");
                    return ExitCodes.InvalidInput;
                }
            }

            var report = AnalysisReport.From(analysis, scenario);
            if (parse.GetValue(outDir) is { } dir)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "report.json"), System.Text.Json.JsonSerializer.Serialize(report, CommonOptions.JsonOutput));
                File.WriteAllText(Path.Combine(dir, "report.html"), HtmlReport.Render(park, report));
            }

            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(report);
            }
            else
            {
                WriteText(Console.Out, park, report);
                if (parse.GetValue(outDir) is { } written)
                {
                    Console.Out.WriteLine($"report written to {Path.Combine(written, "report.html")}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter o, Domain.Model.ParkDataset park, AnalysisReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = r.Summary;
        o.WriteLine(string.Create(inv, $"{s.Name}: {s.Enterprises} enterprises, {s.Flows} flows ({s.FlowsUnknownQuantity} of unknown quantity); analysed in {s.ElapsedMs} ms{(s.Quantities == QuantityBasis.Reconciled ? ", on reconciled quantities" : string.Empty)}"));
        o.WriteLine(string.Create(inv, $"  in-park absorption of byproducts and solid wastes: {Share(r.Balance.SolidWasteAbsorbedShare)}; circularity by chain: {string.Join(", ", r.Balance.Circularity.Select(c => $"{c.Chain} {Share(c.Share)}"))}"));
        var flagged = r.Balance.Enterprises.Where(b => b.Flags.Count > 0).ToList();
        o.WriteLine($"  balances flagged: {flagged.Count} of {r.Balance.Enterprises.Count} (tolerance {r.Balance.Tolerance:P0})");
        o.WriteLine();
        o.WriteLine($"闭环 Loops: {r.Loops.Count}{(r.LoopStructure.Capped ? " (" + r.LoopStructure.Note + ")" : string.Empty)}");
        foreach (var loop in r.Loops.Take(15))
        {
            o.WriteLine("  " + string.Join(" → ", loop.Hops.Select(h => $"{h.From} [{h.Material} {Qty(h.Quantity)} {h.Unit}]")) + $" → {loop.Enterprises[0]}");
        }

        o.WriteLine();
        o.WriteLine($"对接机会 Opportunities: {r.Opportunities.Count} (top 15 by net value)");
        foreach (var x in r.Opportunities.OrderByDescending(x => x.NetValueCny ?? decimal.MinValue).Take(15))
        {
            o.WriteLine(string.Create(inv, $"  {x.Supplier} → {x.Consumer}: {x.SourceMaterial}{(x.SourceMaterial == x.ReplacedMaterial ? string.Empty : $" replacing {x.ReplacedMaterial}")} {Qty(x.Quantity)} {x.Unit}/a, {Km(x.DistanceKm)}, {Qty(x.Co2eAvoidedT)} t CO2e, {Qty(x.NetValueCny)} CNY{(x.ClosesLoop ? ", closes a loop" : string.Empty)}"));
        }

        o.WriteLine();
        var p = r.Plan;
        o.WriteLine(string.Create(inv, $"最优交换方案 Optimal plan ({p.Solver}, {p.Status}): {p.Exchanges.Count} exchanges, {p.TotalCo2eAvoidedT:#,0.#} t CO2e/a avoided, transport {p.TotalTransportCostCny:#,0} CNY/a, net value {p.TotalNetValueCny:#,0} CNY/a; {p.Excluded} opportunities excluded (unknown quantity or distance)"));
        foreach (var x in p.Exchanges.OrderByDescending(x => x.Co2eAvoidedT).Take(15))
        {
            o.WriteLine(string.Create(inv, $"  {x.Supplier} → {x.Consumer}: {Qty(x.Quantity)} {x.Unit}/a {x.SourceMaterial}{(x.SourceMaterial == x.ReplacedMaterial ? string.Empty : $" → {x.ReplacedMaterial}")}, {Qty(x.Co2eAvoidedT)} t CO2e"));
        }

        o.WriteLine();
        o.WriteLine($"补链招商清单 Chain gaps: {r.Gaps.Count} (top 10)");
        foreach (var g in r.Gaps.Take(10))
        {
            o.WriteLine($"  {g.Rank}. [{g.Chain}] {g.Name} {g.NameEn} — {g.Reasoning}");
        }

        o.WriteLine();
        o.WriteLine("指标 KPIs");
        foreach (var k in r.Kpis)
        {
            var value = k.Value is { } v ? v.ToString("#,0.###", inv) + " " + k.Unit : "—";
            var target = k.Target is { } t ? $"target {(k.Direction == KpiDirection.AtMost ? "<=" : ">=")} {t.ToString(inv)} {k.Unit}" : "no target";
            if (k.TargetBasis == KpiTargetBasis.ReductionFromBaseYear)
            {
                // Say that the goal is a reduction against a base year, not a value this year's KPI can meet by itself.
                target += $"; the goal is a reduction{(k.ReductionPct is { } pct ? $" of {pct.ToString(inv)} %" : string.Empty)} from {(k.BaseYear is { } y ? y.ToString(inv) : "a base year")}";
            }

            o.WriteLine($"  {k.Name} {k.NameEn}: {value} ({target}) — {Codes<KpiStatus>.Of(k.Status)}{(k.Reason is null ? string.Empty : ": " + k.Reason)}");
        }

        if (r.Scenario is { } sc)
        {
            o.WriteLine();
            o.WriteLine($"情景 Scenario: removed [{string.Join(", ", sc.Removed)}], added [{string.Join(", ", sc.Added)}]");
            o.WriteLine($"  loops {sc.LoopsBefore} → {sc.LoopsAfter} ({sc.LoopsLost.Count} lost, {sc.LoopsGained.Count} gained); opportunities {sc.OpportunitiesBefore} → {sc.OpportunitiesAfter}; plan CO2e {sc.PlanCo2eBefore:#,0} → {sc.PlanCo2eAfter:#,0} t");
            foreach (var k in sc.Kpis.Where(k => k.Before != k.After))
            {
                o.WriteLine($"  KPI {k.Id}: {Qty(k.Before)} → {Qty(k.After)} ({k.StatusBefore} → {k.StatusAfter})");
            }

            foreach (var f in sc.OrphanedFlows)
            {
                o.WriteLine($"  orphaned {f.FlowId}: {f.From} → {f.To} {f.Material} {Qty(f.Quantity)} {f.Unit} ({f.Kind})");
            }
        }
    }

    private static string Share(decimal? share) => share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "unknown";

    private static string Qty(decimal? q) => q is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "unknown";

    private static string Km(decimal? km) => km is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + " km" : "distance unknown";

    /// <summary>The accounting options the command line asks for; null (the error written) when a value is refused.</summary>
    private static AccountingOptions? Accounting(string? grid, string? gridSource, decimal? coalRate, string? coalSource)
    {
        var options = new AccountingOptions();
        if (grid is not null)
        {
            if (!GridFactor.TryParse(grid, gridSource, out var factor, out var error))
            {
                Console.Error.WriteLine($"parkcycle: --grid-factor: {error}");
                return null;
            }

            options = options with { Grid = factor };
        }

        if (coalRate is { } rate)
        {
            if (rate is < 150m or > 600m)
            {
                Console.Error.WriteLine($"parkcycle: --coal-rate: {rate.ToString(CultureInfo.InvariantCulture)} gce/kWh is not within 150-600");
                return null;
            }

            options = options.WithCoalRate(rate, coalSource);
        }

        return options;
    }
}
