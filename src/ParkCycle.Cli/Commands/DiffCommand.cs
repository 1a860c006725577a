using System.CommandLine;
using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Graph;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle diff &lt;a&gt; &lt;b&gt; [--json]</c>: what changed from dataset a to dataset b (enterprises, flows, own
/// materials by id) and every KPI before and after, with the diff the server's <c>POST /api/datasets?dry_run=true</c> uses.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("a") { Description = "the older dataset: a folder (dataset.json + CSV files) or a single JSON document" };
        var after = new Argument<string>("b") { Description = "the newer dataset, in either form" };
        var json = CommonOptions.Json();
        var catalogOption = CommonOptions.Catalog();
        var command = new Command("diff", "compare two datasets of a park: enterprises, flows and materials added, removed and changed, and the KPIs before and after")
        {
            before, after, json, catalogOption,
        };
        command.SetAction(parse =>
        {
            if (CommonOptions.LoadDataset(parse.GetValue(before)!, parse.GetValue(catalogOption)) is not { } a
                || CommonOptions.LoadDataset(parse.GetValue(after)!, parse.GetValue(catalogOption)) is not { } b)
            {
                return ExitCodes.InvalidInput;
            }

            var diff = DatasetDiff.Between(a, b);
            var kpis = KpiChanges.Between(ParkAnalyzer.Analyze(a).Kpis, ParkAnalyzer.Analyze(b).Kpis);
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(new
                {
                    a = new { park = a.Manifest.Id, reference_year = a.Manifest.ReferenceYear },
                    b = new { park = b.Manifest.Id, reference_year = b.Manifest.ReferenceYear },
                    diff,
                    kpis,
                });
                return ExitCodes.Ok;
            }

            var inv = CultureInfo.InvariantCulture;
            Console.Out.WriteLine($"{a.Manifest.Id} ({a.Manifest.ReferenceYear?.ToString(inv) ?? "no reference year"}) → {b.Manifest.Id} ({b.Manifest.ReferenceYear?.ToString(inv) ?? "no reference year"})");
            foreach (var (name, table) in new[] { ("enterprises", diff.Enterprises), ("flows", diff.Flows), ("materials", diff.Materials) })
            {
                Console.Out.WriteLine($"{name}: {table.Added.Count} added, {table.Removed.Count} removed, {table.Changed.Count} changed");
                Write("+", table.Added);
                Write("-", table.Removed);
                Write("~", table.Changed);
            }

            Console.Out.WriteLine("KPIs changed:");
            foreach (var k in kpis.Where(k => k.Before != k.After))
            {
                Console.Out.WriteLine(string.Create(inv, $"  {k.Id}: {k.Before?.ToString(inv) ?? "—"} → {k.After?.ToString(inv) ?? "—"}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(string mark, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            Console.Out.WriteLine($"  {mark} {id}");
        }
    }
}
