using System.CommandLine;

namespace ParkCycle.Cli.Commands;

/// <summary><c>parkcycle bench …</c>: benchmarks that print figures (never timed tests).</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "benchmarks that print figures") { BenchGraphCommand.Create(), BenchReportsCommand.Create(), BenchHttpCommand.Create(), BenchPinchCommand.Create(), BenchReconcileCommand.Create(), BenchSoakCommand.Create(), BenchParksCommand.Create() };
}
