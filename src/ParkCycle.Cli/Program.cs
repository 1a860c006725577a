using System.CommandLine;
using System.Text;
using ParkCycle.Cli.Commands;

// parkcycle: one executable, one sub-command per task. Exit codes (docs/cli.md): 0 success,
// 1 the input has errors (or a check failed), 2 the command line is wrong, 3 an unexpected failure.
Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("ParkCycle: circular-economy material-flow modeler for industrial parks")
{
    ValidateCommand.Create(),
    DescribeCommand.Create(),
    AnalyzeCommand.Create(),
    DiffCommand.Create(),
    PinchCommand.Create(),
    ReconcileCommand.Create(),
    BenchCommand.Create(),
    SynthCommand.Create(),
    TrainCommand.Create(),
    ForecastCommand.Create(),
    BacktestCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"parkcycle: {error.Message}");
    }

    Console.Error.WriteLine("run 'parkcycle --help' for usage");
    return ExitCodes.Usage;
}

try
{
    return await parsed.InvokeAsync();
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"parkcycle: {ex.Message}");
    return ExitCodes.Failure;
}
