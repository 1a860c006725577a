using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using ParkCycle.Grains.Storage;

namespace ParkCycle.Grains;

/// <summary>The grain storage name every ParkCycle grain uses.</summary>
public static class GrainStorage
{
    public const string Name = "parkcycle";
}

/// <summary>
/// One wiring for every host (silo-only, web, tests, bench). Configuration section <c>ParkCycle</c>:
/// <c>Store</c> = <c>sqlite</c> (default: <c>SqlitePath</c>, single silo on localhost) or <c>postgres</c>
/// (<c>Postgres</c> connection string: ADO.NET clustering, persistence and reminders; <c>SiloPort</c>,
/// <c>GatewayPort</c>); <c>SeedDataset</c> (default <c>seeds/linxiang</c>; empty to skip);
/// <c>AnalysisDebounceMs</c>. See docs/deployment.md.
/// </summary>
public static class ParkCycleSilo
{
    public static ISiloBuilder UseParkCycle(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection("ParkCycle");
        var store = section["Store"] ?? "sqlite";
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = section["ClusterId"] ?? "parkcycle";
            o.ServiceId = section["ServiceId"] ?? "parkcycle";
        });
        switch (store)
        {
            case "sqlite":
                silo.UseLocalhostClustering(
                    siloPort: int.Parse(section["SiloPort"] ?? "11111", System.Globalization.CultureInfo.InvariantCulture),
                    gatewayPort: int.Parse(section["GatewayPort"] ?? "30000", System.Globalization.CultureInfo.InvariantCulture));
                silo.UseSqliteStore(section["SqlitePath"] ?? "data/parkcycle.db");
                break;
            case "postgres":
                silo.UsePostgresStore(section["Postgres"] ?? throw new InvalidOperationException("ParkCycle:Postgres (a connection string) is required when ParkCycle:Store is postgres"));
                silo.ConfigureEndpoints(
                    System.Net.IPAddress.Loopback,
                    int.Parse(section["SiloPort"] ?? "11111", System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(section["GatewayPort"] ?? "30000", System.Globalization.CultureInfo.InvariantCulture),
                    listenOnAnyHostAddress: false);
                break;
            default:
                throw new InvalidOperationException($"ParkCycle:Store must be sqlite or postgres, not '{store}'");
        }

        return silo.AddParkCycleGrains(section);
    }

    /// <summary>
    /// The cluster store: Orleans' ADO.NET clustering, grain storage and reminders on PostgreSQL, sharing one Npgsql
    /// data source per silo, on ParkCycle's own schema (Storage/Postgres/orleans-postgres.sql), which the silo applies
    /// before membership starts.
    /// </summary>
    private static void UsePostgresStore(this ISiloBuilder silo, string connection)
    {
        const string Invariant = "Npgsql";
        silo.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connection));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresClusterSchema>();
        silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) => options.Configure<Npgsql.NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));
        silo.AddAdoNetGrainStorage(GrainStorage.Name, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<Npgsql.NpgsqlDataSource, Serializer>((o, dataSource, serializer) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
            // The grain states are [GenerateSerializer] types: Orleans' own serializer is their native, versioned form
            // (the provider's default is JSON).
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) => options.Configure<Npgsql.NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));
    }

    /// <summary>The services every ParkCycle silo needs, whatever its clustering: clock, metrics, park options, seeding.</summary>
    public static ISiloBuilder AddParkCycleGrains(this ISiloBuilder silo, IConfiguration section)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<ParkCycleMetrics>();
        silo.Services.Configure<ParkOptions>(o =>
        {
            if (section["AnalysisDebounceMs"] is { } ms)
            {
                o.AnalysisDebounce = TimeSpan.FromMilliseconds(double.Parse(ms, System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        if (section["SeedDataset"] is not "")
        {
            silo.Services.Configure<SeedOptions>(o => o.Dataset = section["SeedDataset"] ?? o.Dataset);
            silo.AddStartupTask<SeedParkStartupTask>();
        }

        return silo;
    }

    /// <summary>The embedded store: grain state and reminders in one SQLite file, behind one group-commit writer.</summary>
    public static ISiloBuilder UseSqliteStore(this ISiloBuilder silo, string path)
    {
        silo.Services.AddSingleton(_ => new SqliteDatabase(path));
        silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (sp, _) =>
            new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<Serializer>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>()));
        return silo;
    }

    private static void TryAddSingleton<T>(this IServiceCollection services, T instance)
        where T : class
    {
        if (services.All(d => d.ServiceType != typeof(T)))
        {
            services.AddSingleton(instance);
        }
    }
}
