using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace ParkCycle.Grains.Storage;

/// <summary>Options for the embedded SQLite grain store.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file. The default value is <c>data/parkcycle.db</c>.</summary>
    public string Path { get; set; } = "data/parkcycle.db";

    /// <summary>Most writes committed in one transaction (group commit). The default value is 512.</summary>
    public int MaxBatch { get; set; } = 512;
}

/// <summary>
/// Grain state in a local SQLite file. Writes go through one writer that commits whatever is queued in a single
/// transaction (group commit) with <c>synchronous=FULL</c>, and completes each caller only after the commit:
/// an acknowledged write is on disk. ETags are version numbers checked in the UPDATE's WHERE clause, so a
/// stale write fails with <see cref="InconsistentStateException"/> and never overwrites.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private readonly string _name;
    private readonly SqliteStorageOptions _options;
    private readonly Serializer _serializer;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _started;
    private readonly string _connectionString;
    private Task? _writer;

    public SqliteGrainStorage(string name, SqliteStorageOptions options, Serializer serializer, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _serializer = serializer;
        _logger = logger;
        var full = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        _started = new Lazy<Task>(StartAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _started.Value;
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM grain_state WHERE grain_id = $id AND state = $state";
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.ETag = reader.GetString(0);
            grainState.State = _serializer.Deserialize<T>((byte[])reader["data"]);
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
        await _started.Value;
        var next = NextETag(grainState.ETag);
        var write = new Write(grainId.ToString(), stateName, grainState.ETag, next, _serializer.SerializeToArray(grainState.State));
        await _queue.Writer.WriteAsync(write);
        await write.Done.Task;
        grainState.ETag = next;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _started.Value;
        var write = new Write(grainId.ToString(), stateName, grainState.ETag, null, null);
        await _queue.Writer.WriteAsync(write);
        await write.Done.Task;
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer?.Wait(TimeSpan.FromSeconds(10));
    }

    private static string NextETag(string? etag) =>
        (etag is null ? 1 : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task StartAsync()
    {
        await using (var connection = new SqliteConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS grain_state (
                    grain_id TEXT NOT NULL,
                    state TEXT NOT NULL,
                    etag TEXT NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (grain_id, state));
                """;
            await command.ExecuteNonQueryAsync();
        }

        _writer = Task.Run(WriteLoopAsync);
    }

    private async Task WriteLoopAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // FULL: the WAL is fsynced at every commit, so a committed write survives a power cut.
            pragma.CommandText = "PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync();
        }

        var batch = new List<Write>(_options.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var w))
            {
                batch.Add(w);
            }

            try
            {
                var outcomes = Commit(connection, batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (outcomes[i] is { } conflict)
                    {
                        batch[i].Done.TrySetException(conflict);
                    }
                    else
                    {
                        batch[i].Done.TrySetResult();
                    }
                }
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                _logger.LogError(ex, "SQLite grain store {Name}: a batch of {Count} writes failed", _name, batch.Count);
                foreach (var w in batch)
                {
                    w.Done.TrySetException(ex);
                }
            }
        }
    }

    private static Exception?[] Commit(SqliteConnection connection, List<Write> batch)
    {
        var outcomes = new Exception?[batch.Count];
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO grain_state (grain_id, state, etag, data) VALUES ($id, $state, $etag, $data) ON CONFLICT DO NOTHING";
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE grain_state SET etag = $etag, data = $data WHERE grain_id = $id AND state = $state AND etag = $old";
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM grain_state WHERE grain_id = $id AND state = $state AND etag = $old";
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            var command = w.Data is null ? delete : w.OldETag is null ? insert : update;
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", w.GrainId);
            command.Parameters.AddWithValue("$state", w.State);
            if (w.Data is not null)
            {
                command.Parameters.AddWithValue("$etag", w.NewETag);
                command.Parameters.AddWithValue("$data", w.Data);
            }

            if (w.OldETag is not null)
            {
                command.Parameters.AddWithValue("$old", w.OldETag);
            }

            if (w.Data is null && w.OldETag is null)
            {
                continue; // clearing state that was never written
            }

            if (command.ExecuteNonQuery() == 0)
            {
                // Another activation wrote first: refuse rather than overwrite.
                outcomes[i] = new InconsistentStateException($"stale write to {w.GrainId}/{w.State}: expected etag {w.OldETag ?? "(none)"}", w.OldETag ?? string.Empty, w.OldETag ?? string.Empty);
            }
        }

        transaction.Commit();
        return outcomes;
    }

    private sealed record Write(string GrainId, string State, string? OldETag, string? NewETag, byte[]? Data)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
