using Microsoft.Extensions.Logging;
using Npgsql;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// Applies ParkCycle's PostgreSQL schema for Orleans' ADO.NET clustering, grain persistence and reminders
/// (<c>Storage/Postgres/orleans-postgres.sql</c>, embedded): the tables and the <c>OrleansQuery</c> rows the
/// providers read. Runs at the silo's first lifecycle stage, before membership, storage or reminders open the
/// database. Idempotent and safe for silos starting together (the script takes a transaction-scoped advisory lock).
/// </summary>
public sealed partial class PostgresClusterSchema(NpgsqlDataSource dataSource, ILogger<PostgresClusterSchema> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const string ResourceName = "ParkCycle.Grains.Storage.Postgres.orleans-postgres.sql";

    /// <summary>The schema script, as shipped in this assembly.</summary>
    public static string Script { get; } = ReadScript();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresClusterSchema), ServiceLifecycleStage.First, ApplyAsync);

    /// <summary>Runs the script in one transaction.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(Script, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogApplied(connection.Database, connection.DataSource);
    }

    private static string ReadScript()
    {
        using var stream = typeof(PostgresClusterSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(PostgresClusterSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans schema for PostgreSQL applied to database {Database} at {Server}")]
    private partial void LogApplied(string database, string server);
}
