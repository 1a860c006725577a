namespace ParkCycle.Cli.Commands;

/// <summary>The process exit codes, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input has errors, or a check the command makes failed.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Something unexpected failed (I/O, a bug).</summary>
    public const int Failure = 3;
}
