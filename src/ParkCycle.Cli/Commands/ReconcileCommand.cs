using System.CommandLine;
using System.Globalization;
using ParkCycle.Reconciliation;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle reconcile &lt;dataset&gt; [--confidence 0.95] [--json]</c>: reconciles the reported flows under the
/// dataset's declared balances, estimates unknown flows, and names the reports that are most likely wrong.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var json = CommonOptions.Json();
        var catalogOption = CommonOptions.Catalog();
        var defaults = new ParkReconciliationOptions();
        var confidence = new Option<double>("--confidence") { Description = "confidence of the global and measurement tests (0–1)", DefaultValueFactory = _ => defaults.Confidence };
        var measured = new Option<decimal>("--measured-uncertainty") { Description = "default relative SD (%) of a measured flow with a blank uncertainty", DefaultValueFactory = _ => defaults.MeasuredPercent };
        var plan = new Option<decimal>("--plan-uncertainty") { Description = "default relative SD (%) of a flow taken from a plan", DefaultValueFactory = _ => defaults.PlanPercent };
        var estimate = new Option<decimal>("--estimate-uncertainty") { Description = "default relative SD (%) of an estimated flow", DefaultValueFactory = _ => defaults.EstimatePercent };
        var command = new Command("reconcile", "reconcile reported flows under the declared balances (weighted least squares), with the chi-square and measurement tests")
        {
            dataset, confidence, json, measured, plan, estimate, catalogOption,
        };
        command.SetAction(parse =>
        {
            var level = parse.GetValue(confidence);
            if (level is <= 0 or >= 1 || double.IsNaN(level))
            {
                Console.Error.WriteLine("parkcycle: --confidence must be between 0 and 1 (exclusive), e.g. 0.95");
                return ExitCodes.Usage;
            }

            var percents = new[] { parse.GetValue(measured), parse.GetValue(plan), parse.GetValue(estimate) };
            if (percents.Any(p => p < 0))
            {
                Console.Error.WriteLine("parkcycle: a default uncertainty must be zero or more (percent)");
                return ExitCodes.Usage;
            }

            var park = CommonOptions.LoadDataset(parse.GetValue(dataset)!, parse.GetValue(catalogOption));
            if (park is null)
            {
                return ExitCodes.InvalidInput;
            }

            var report = ParkReconciliation.Compute(park, new ParkReconciliationOptions
            {
                Confidence = level,
                MeasuredPercent = percents[0],
                PlanPercent = percents[1],
                EstimatePercent = percents[2],
            });
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(report);
            }
            else
            {
                WriteText(Console.Out, report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter o, ReconciliationReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var g = r.GlobalTest;
        o.WriteLine(string.Create(inv, $"{r.Dataset}: {r.Balances.Count} balances, {r.Flows.Count} reported flows in them, {r.Estimated.Count} estimated, {r.Unobservable.Count} unobservable; {r.Blocks} independent blocks, {r.ElapsedMs} ms"));
        o.WriteLine(string.Create(inv, $"  default uncertainty (relative SD): measured {r.DefaultUncertaintyPercent.Measured}%, plan {r.DefaultUncertaintyPercent.Plan}%, estimate {r.DefaultUncertaintyPercent.Estimate}%"));
        o.WriteLine(string.Create(inv, $"  global test: chi-square {g.Statistic:0.###} on {g.DegreesOfFreedom} degrees of freedom, p = {g.PValue:0.####}: {(g.Passed ? "the reports are consistent" : "these reports cannot all be true")} at {r.Confidence:P0}"));
        o.WriteLine();
        var flagged = r.Flows.Where(f => f.Flagged).OrderByDescending(f => f.Test).ToList();
        o.WriteLine(string.Create(inv, $"Flagged reports ({flagged.Count}; standardised adjustment over {r.CriticalValue:0.###}):"));
        foreach (var f in flagged)
        {
            o.WriteLine(string.Create(inv, $"  {f.Id} {f.From} → {f.To} {f.Material}: reported {f.Reported:#,0.##} {f.Unit} ± {f.SigmaReported:#,0.##}, reconciled {f.Reconciled:#,0.##} ± {f.SigmaReconciled:#,0.##} (adjust {f.Adjustment:+#,0.##;-#,0.##;0}, test {f.Test:0.##})"));
        }

        o.WriteLine();
        o.WriteLine("Balances (in − out):");
        foreach (var b in r.Balances)
        {
            o.WriteLine(string.Create(inv, $"  {b.Id} {b.Enterprise} {b.Scope}: reported {Num(b.ResidualReported)} {b.Unit}, reconciled {Num(b.ResidualReconciled)} {b.Unit} ({b.Flows} flows)"));
        }

        if (r.Estimated.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Estimated from the balances:");
            foreach (var e in r.Estimated)
            {
                o.WriteLine(string.Create(inv, $"  {e.Id}: {e.Estimate:#,0.##} {e.Unit} ± {e.Sigma:#,0.##}"));
            }
        }

        if (r.Unobservable.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Unobservable (the balances do not determine them): {string.Join(", ", r.Unobservable)}");
        }

        static string Num(double? v) => v is { } x ? (x + 0.0).ToString("#,0.###;-#,0.###;0", CultureInfo.InvariantCulture) : "unknown";
    }
}
