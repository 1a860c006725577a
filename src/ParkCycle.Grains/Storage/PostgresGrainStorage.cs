using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// Grain state in PostgreSQL for the cluster. Each write is one statement in autocommit (durable on
/// return with the server's default <c>synchronous_commit = on</c>); ETags are version numbers checked in the
/// WHERE clause, so a stale write fails with <see cref="InconsistentStateException"/>. The table is created on first use.
/// </summary>
public sealed class PostgresGrainStorage(string name, NpgsqlDataSource dataSource, Serializer serializer, ILogger<PostgresGrainStorage> logger) : IGrainStorage
{
    private readonly Lazy<Task> _schema = new(() => PostgresSchema.EnsureAsync(dataSource));

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _schema.Value;
        await using var command = dataSource.CreateCommand("SELECT etag, data FROM parkcycle_grain_state WHERE grain_id = $1 AND state = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.State = serializer.Deserialize<T>((byte[])reader[1]);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _schema.Value;
        var old = grainState.ETag is null ? (long?)null : long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture);
        var next = (old ?? 0) + 1;
        await using var command = dataSource.CreateCommand(old is null
            ? "INSERT INTO parkcycle_grain_state (grain_id, state, etag, data) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING"
            : "UPDATE parkcycle_grain_state SET etag = $3, data = $4 WHERE grain_id = $1 AND state = $2 AND etag = $5");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
        command.Parameters.Add(new NpgsqlParameter { Value = next });
        command.Parameters.Add(new NpgsqlParameter { Value = serializer.SerializeToArray(grainState.State) });
        if (old is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = old.Value });
        }

        if (await command.ExecuteNonQueryAsync() == 0)
        {
            logger.LogWarning("Grain store {Name}: stale write to {Grain}/{State} refused", name, grainId, stateName);
            throw new InconsistentStateException($"stale write to {grainId}/{stateName}: expected etag {grainState.ETag ?? "(none)"}", grainState.ETag ?? string.Empty, grainState.ETag ?? string.Empty);
        }

        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _schema.Value;
        if (grainState.ETag is not null)
        {
            await using var command = dataSource.CreateCommand("DELETE FROM parkcycle_grain_state WHERE grain_id = $1 AND state = $2 AND etag = $3");
            command.Parameters.Add(new NpgsqlParameter { Value = grainId.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = stateName });
            command.Parameters.Add(new NpgsqlParameter { Value = long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture) });
            if (await command.ExecuteNonQueryAsync() == 0)
            {
                throw new InconsistentStateException($"stale clear of {grainId}/{stateName}", grainState.ETag, grainState.ETag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }
}

/// <summary>Creates ParkCycle's PostgreSQL tables when absent (idempotent; safe for several silos at once).</summary>
internal static class PostgresSchema
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT pg_advisory_lock(727274);
            CREATE TABLE IF NOT EXISTS parkcycle_grain_state (
                grain_id TEXT NOT NULL, state TEXT NOT NULL, etag BIGINT NOT NULL, data BYTEA NOT NULL,
                PRIMARY KEY (grain_id, state));
            CREATE TABLE IF NOT EXISTS parkcycle_membership_version (
                cluster_id TEXT PRIMARY KEY, version INT NOT NULL, etag BIGINT NOT NULL);
            CREATE TABLE IF NOT EXISTS parkcycle_membership (
                cluster_id TEXT NOT NULL, silo TEXT NOT NULL, etag BIGINT NOT NULL, status INT NOT NULL,
                i_am_alive TIMESTAMPTZ NOT NULL, entry BYTEA NOT NULL,
                PRIMARY KEY (cluster_id, silo));
            SELECT pg_advisory_unlock(727274);
            """);
        await command.ExecuteNonQueryAsync();
    }
}
