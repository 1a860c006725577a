namespace ParkCycle.Grains.Hosting;

/// <summary>Where a silo keeps grain state, reminders and cluster membership (<c>ParkCycle:Store</c>).</summary>
public enum ParkCycleStore
{
    /// <summary>One SQLite file, a single silo on localhost clustering.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Orleans' ADO.NET providers: a cluster of silos.</summary>
    Postgres,
}
