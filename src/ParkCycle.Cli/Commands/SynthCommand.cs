using System.CommandLine;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Forecasting;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle synth projects &lt;dataset&gt; [--seed N] [--as-of DATE]</c>: writes SYNTHETIC projects.csv and progress.csv.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.DatasetArgument();
        var seed = new Option<int>("--seed") { Description = "generator seed", DefaultValueFactory = _ => 42 };
        var asOf = ForecastInputs.AsOf();
        var projects = new Command("projects", "generate SYNTHETIC retrofit project histories for a dataset's enterprises (writes projects.csv and progress.csv into the dataset folder)") { dataset, seed, asOf };
        projects.SetAction(parse =>
        {
            var path = parse.GetValue(dataset)!;
            var park = CommonOptions.LoadDataset(path, null);
            var date = ForecastInputs.ParseDate(parse.GetValue(asOf), out var error) ?? SyntheticProjectHistory.DefaultEnd;
            if (park is null || error is not null || !Directory.Exists(path))
            {
                Console.Error.WriteLine(error ?? "parkcycle: synth needs a valid dataset folder");
                return ExitCodes.InvalidInput;
            }

            var (generated, reports) = SyntheticProjectHistory.Generate(park, parse.GetValue(seed), date);
            var withProjects = new ParkDataset(park.Manifest, park.Zones, park.Enterprises, park.Materials, park.Flows, park.Substitutions, generated, reports, park.Catalog);
            File.WriteAllText(Path.Combine(path, DatasetSchema.Projects.FileName), DatasetWriter.ToCsv(DatasetSchema.Projects, DatasetWriter.RowsOf(withProjects, DatasetSchema.Projects)));
            File.WriteAllText(Path.Combine(path, DatasetSchema.Progress.FileName), DatasetWriter.ToCsv(DatasetSchema.Progress, DatasetWriter.RowsOf(withProjects, DatasetSchema.Progress)));
            Console.Out.WriteLine($"wrote {generated.Count} SYNTHETIC projects and {reports.Count} progress reports (as of {date:yyyy-MM-dd}, seed {parse.GetValue(seed)}) into {path}");
            return ExitCodes.Ok;
        });
        return new Command("synth", "generate SYNTHETIC data (labelled as such)") { projects };
    }
}
