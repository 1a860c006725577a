using Microsoft.Extensions.Options;

namespace ParkCycle.Grains.Hosting;

/// <summary>Checks <see cref="ParkCycleOptions"/>, naming each bad setting by its configuration key.</summary>
public sealed class ParkCycleOptionsValidator : IValidateOptions<ParkCycleOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ParkCycleOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates <paramref name="options"/> now, for settings a host needs before its container exists.</summary>
    public static ParkCycleOptions Check(ParkCycleOptions options)
    {
        var result = new ParkCycleOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(ParkCycleOptions), result.Failures) : options;
    }

    private static IEnumerable<string> Failures(ParkCycleOptions o)
    {
        const string Prefix = ParkCycleOptions.Section;
        if (!Enum.IsDefined(o.Store))
        {
            yield return $"{Prefix}:Store must be sqlite or postgres";
        }

        if (o.Store == ParkCycleStore.Postgres && string.IsNullOrWhiteSpace(o.Postgres))
        {
            yield return $"{Prefix}:Postgres (a connection string) is required when {Prefix}:Store is postgres";
        }

        if (o.Store == ParkCycleStore.Sqlite && string.IsNullOrWhiteSpace(o.SqlitePath))
        {
            yield return $"{Prefix}:SqlitePath must name a file when {Prefix}:Store is sqlite";
        }

        foreach (var (key, port) in new[] { ("SiloPort", o.SiloPort), ("GatewayPort", o.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"{Prefix}:{key} must be a port between 1 and 65535, not {port}";
            }
        }

        if (o.SiloPort == o.GatewayPort)
        {
            yield return $"{Prefix}:SiloPort and {Prefix}:GatewayPort must differ (both {o.SiloPort})";
        }

        if (string.IsNullOrWhiteSpace(o.ClusterId) || string.IsNullOrWhiteSpace(o.ServiceId))
        {
            yield return $"{Prefix}:ClusterId and {Prefix}:ServiceId must not be empty";
        }

        if (!double.IsFinite(o.AnalysisDebounceMs) || o.AnalysisDebounceMs < 0)
        {
            yield return $"{Prefix}:AnalysisDebounceMs must be zero or more milliseconds, not {o.AnalysisDebounceMs}";
        }

        if (o.ParkId is { } park && string.IsNullOrWhiteSpace(park))
        {
            yield return $"{Prefix}:ParkId must not be blank";
        }
    }
}
