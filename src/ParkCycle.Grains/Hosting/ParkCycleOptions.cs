namespace ParkCycle.Grains.Hosting;

/// <summary>
/// The <c>ParkCycle</c> configuration section every host binds (appsettings.json, <c>ParkCycle__X</c> environment
/// variables, <c>--ParkCycle:X</c>), checked by <see cref="ParkCycleOptionsValidator"/> at start. See docs/deployment.md.
/// </summary>
public sealed class ParkCycleOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string Section = "ParkCycle";

    /// <summary>The store. The default value is <see cref="ParkCycleStore.Sqlite"/>.</summary>
    public ParkCycleStore Store { get; set; } = ParkCycleStore.Sqlite;

    /// <summary>The SQLite file of grain state and reminders (<see cref="ParkCycleStore.Sqlite"/>). The default value is <c>data/parkcycle.db</c>.</summary>
    public string SqlitePath { get; set; } = "data/parkcycle.db";

    /// <summary>The Npgsql connection string, required for <see cref="ParkCycleStore.Postgres"/>.</summary>
    public string? Postgres { get; set; }

    /// <summary>Orleans' cluster id. The default value is <c>parkcycle</c>.</summary>
    public string ClusterId { get; set; } = "parkcycle";

    /// <summary>Orleans' service id. The default value is <c>parkcycle</c>.</summary>
    public string ServiceId { get; set; } = "parkcycle";

    /// <summary>The silo-to-silo port on 127.0.0.1. The default value is 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The client gateway port on 127.0.0.1. The default value is 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The dataset (folder or JSON document) loaded once into an empty store; empty to skip. Relative paths are looked
    /// up from the working directory upwards. The default value is <c>seeds/linxiang</c>.
    /// </summary>
    public string? SeedDataset { get; set; } = "seeds/linxiang";

    /// <summary>The park the hosts serve (dashboard, health check, forecast): the seed dataset's id. No default.</summary>
    public string? ParkId { get; set; }

    /// <summary>How long, in milliseconds, the park waits after a change before re-analysing. The default value is 500.</summary>
    public double AnalysisDebounceMs { get; set; } = 500;

    /// <summary>Whether to seed: a seed dataset is configured.</summary>
    public bool Seeds => !string.IsNullOrWhiteSpace(SeedDataset);
}
