using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using ParkCycle.Grains.Storage;

namespace ParkCycle.Grains.Hosting;

/// <summary>
/// One wiring for every host (silo-only, web, tests, bench), from the validated <see cref="ParkCycleOptions"/>
/// (configuration section <c>ParkCycle</c>): SQLite (single silo on localhost) or PostgreSQL (a cluster), seeding,
/// the park's analysis debounce. See docs/deployment.md.
/// </summary>
public static class ParkCycleSilo
{
    /// <summary>Binds and validates the <c>ParkCycle</c> section (again at start), then wires the store and the grains.</summary>
    public static ISiloBuilder UseParkCycle(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(ParkCycleOptions.Section);
        // The store and the endpoints are chosen before the container exists: validate now, so a bad setting stops
        // the host with its key named rather than surfacing as a later failure.
        var options = ParkCycleOptionsValidator.Check(section.Get<ParkCycleOptions>() ?? new ParkCycleOptions());
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        switch (options.Store)
        {
            case ParkCycleStore.Sqlite:
                silo.UseLocalhostClustering(siloPort: options.SiloPort, gatewayPort: options.GatewayPort);
                silo.UseSqliteStore(options.SqlitePath);
                break;
            case ParkCycleStore.Postgres:
                silo.UsePostgresStore(options.Postgres!);
                silo.ConfigureEndpoints(System.Net.IPAddress.Loopback, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
                break;
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
        silo.Services.AddSingleton<IReportJournal, PostgresReportJournal>();
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

    /// <summary>
    /// The services every ParkCycle silo needs, whatever its clustering: clock, metrics, options (validated at
    /// start), park options, seeding. <paramref name="section"/> is the <c>ParkCycle</c> section.
    /// </summary>
    public static ISiloBuilder AddParkCycleGrains(this ISiloBuilder silo, IConfiguration section)
    {
        var options = ParkCycleOptionsValidator.Check(section.Get<ParkCycleOptions>() ?? new ParkCycleOptions());
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ParkCycleOptions>, ParkCycleOptionsValidator>());
        silo.Services.AddOptions<ParkCycleOptions>().Bind(section).ValidateOnStart();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<ParkCycleMetrics>();
        silo.Services.Configure<ParkOptions>(o => o.AnalysisDebounce = TimeSpan.FromMilliseconds(options.AnalysisDebounceMs));
        if (options.Seeds)
        {
            silo.Services.Configure<SeedOptions>(o =>
            {
                o.Dataset = options.SeedDataset!;
                o.ParkId = options.ParkId;
            });
            silo.AddStartupTask<SeedParkStartupTask>();
        }

        return silo;
    }

    /// <summary>The embedded store: grain state, report history and reminders in one SQLite file, behind one group-commit writer.</summary>
    public static ISiloBuilder UseSqliteStore(this ISiloBuilder silo, string path)
    {
        silo.Services.AddSingleton(_ => new SqliteDatabase(path));
        silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (sp, _) =>
            new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<Serializer>()));
        silo.Services.AddSingleton<IReportJournal>(sp => new SqliteReportJournal(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<Serializer>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>()));
        return silo;
    }
}
