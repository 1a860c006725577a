using System.CommandLine;
using System.Globalization;
using ParkCycle.Graph;
using ParkCycle.HeatIntegration;

namespace ParkCycle.Cli.Commands;

/// <summary>
/// <c>parkcycle pinch &lt;dataset&gt; [--dtmin C] [--carrier K] [--json]</c>: pinch targets of the park's heat streams
/// (problem table), each enterprise alone, indirect integration through a carrier, a ΔTmin sweep, the heat recovered
/// today against the target, and the analysis' heat exchanges checked against the pinch.
/// </summary>
internal static class PinchCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var json = CommonOptions.Json();
        var catalogOption = CommonOptions.Catalog();
        var dtMin = new Option<decimal>("--dtmin") { Description = "ΔTmin in °C (each stream shifts by its dt_contribution_c, else half of this)", DefaultValueFactory = _ => PinchOptions.DefaultDtMinC };
        var carrier = new Option<string>("--carrier") { Description = "intermediate utility between enterprises: hot-water:SUPPLY:RETURN or steam:T (°C)", DefaultValueFactory = _ => "hot-water:90:60" };
        var command = new Command("pinch", "heat integration (能源梯级利用): minimum utilities, pinch, composite curves, total site")
        {
            dataset, json, dtMin, carrier, catalogOption,
        };
        command.SetAction(parse =>
        {
            var dt = parse.GetValue(dtMin);
            if (dt is < 0 or > 500)
            {
                Console.Error.WriteLine($"parkcycle: --dtmin: {dt.ToString(CultureInfo.InvariantCulture)} is not between 0 and 500 °C");
                return ExitCodes.Usage;
            }

            if (IntermediateUtility.Parse(parse.GetValue(carrier)!) is not { } utility)
            {
                Console.Error.WriteLine($"parkcycle: --carrier: '{parse.GetValue(carrier)}' is not hot-water:SUPPLY:RETURN (supply above return) or steam:T");
                return ExitCodes.Usage;
            }

            var park = CommonOptions.LoadDataset(parse.GetValue(dataset)!, parse.GetValue(catalogOption));
            if (park is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (park.HeatStreams.Count == 0)
            {
                Console.Error.WriteLine("parkcycle: the dataset has no heat streams (heat_streams.csv; see docs/dataset-format.md)");
                return ExitCodes.InvalidInput;
            }

            // The analysis checks its waste-heat opportunities and plan against these targets (ParkHeatSection).
            var report = ParkAnalyzer.Analyze(park, new AnalysisOptions { Heat = new ParkHeatOptions { DtMinC = dt, Carrier = utility } }).HeatIntegration!;
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(report);
            }
            else
            {
                WriteText(Console.Out, park.Manifest.Name, report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter o, string name, HeatIntegrationReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"{name}: {r.Streams} heat streams, ΔTmin {r.DtMinC} °C; hot duty {K(r.HotDutyKw)}, cold duty {K(r.ColdDutyKw)}"));
        o.WriteLine(string.Create(inv, $"  最小热公用工程 minimum hot utility   {K(r.HotUtilityKw)} ({G(r.AnnualGj.HotUtility)})"));
        o.WriteLine(string.Create(inv, $"  最小冷公用工程 minimum cold utility  {K(r.ColdUtilityKw)} ({G(r.AnnualGj.ColdUtility)})"));
        o.WriteLine(string.Create(inv, $"  最大热回收     maximum heat recovery {K(r.HeatRecoveryKw)} ({G(r.AnnualGj.HeatRecovery)}), at {r.HoursPerYear:#,0.#} h/a"));
        o.WriteLine(r.Pinch is { } p
            ? string.Create(inv, $"  夹点 pinch: {p.ShiftedC} °C shifted ({p.HotC} °C hot side, {p.ColdC} °C cold side)")
            : "  threshold problem: one utility only, no pinch");
        o.WriteLine();
        o.WriteLine("企业 Each enterprise alone (hot / cold utility, recovery, pinch shifted)");
        foreach (var e in r.Enterprises)
        {
            o.WriteLine(string.Create(inv, $"  {e.Enterprise}: {K(e.HotUtilityKw)} / {K(e.ColdUtilityKw)}, {K(e.HeatRecoveryKw)}, {(e.Pinch is { } ep ? $"{ep.ShiftedC} °C" : "threshold")}"));
        }

        var s = r.TotalSite;
        var c = s.Carrier;
        o.WriteLine();
        o.WriteLine(string.Create(inv, $"全厂区 Total site through a {(c.Kind == CarrierKind.SteamMain ? $"steam main at {c.SupplyTemperatureC} °C" : $"hot-water loop {c.SupplyTemperatureC}/{c.ReturnTemperatureC} °C")}:"));
        o.WriteLine(string.Create(inv, $"  enterprises alone: hot {K(s.SeparateHotUtilityKw)}, cold {K(s.SeparateColdUtilityKw)}; through the carrier {K(s.IndirectRecoveryKw)} more recovered"));
        o.WriteLine(string.Create(inv, $"  after: hot {K(s.HotUtilityAfterKw)}, cold {K(s.ColdUtilityAfterKw)}; direct bound (one problem): hot {K(s.DirectHotUtilityKw)}, cold {K(s.DirectColdUtilityKw)}"));
        foreach (var e in s.Enterprises.Where(e => e.ToCarrierKw > 0 || e.FromCarrierKw > 0))
        {
            o.WriteLine(string.Create(inv, $"  {e.Enterprise}: to carrier {K(e.ToCarrierKw)} (max {K(e.ToCarrierMaxKw)}), from carrier {K(e.FromCarrierKw)} (max {K(e.FromCarrierMaxKw)})"));
        }

        o.WriteLine();
        o.WriteLine("ΔTmin sweep: ΔTmin → hot / cold utility, recovery");
        foreach (var p2 in r.Sweep)
        {
            o.WriteLine(string.Create(inv, $"  {p2.DtMinC,5} °C → {K(p2.HotUtilityKw)} / {K(p2.ColdUtilityKw)}, {K(p2.HeatRecoveryKw)}{(p2.Threshold ? " (threshold)" : string.Empty)}"));
        }

        var t = r.Today;
        o.WriteLine();
        o.WriteLine(string.Create(inv, $"今日回收 Recovered today: {G(t.RecoveredGj)} in {t.Flows.Count} waste-heat flows; target {G(t.TargetGj)}; still available {G(t.RemainingGj)}"));
        foreach (var x in r.Exchanges.Where(x => x.Crossing is PinchCrossing.CrossesPinch or PinchCrossing.BelowApproach))
        {
            o.WriteLine($"  {x.Id} {x.Supplier} → {x.Consumer}: {x.Reason}");
        }
    }

    private static string K(decimal kw) => kw.ToString("#,0.##", CultureInfo.InvariantCulture) + " kW";

    private static string G(decimal gj) => gj.ToString("#,0", CultureInfo.InvariantCulture) + " GJ/a";
}
