using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// One embedded SQLite file and its single writer. SQLite admits one writer at a time, so every change to the file
/// (grain state, reminders) is queued here and whatever is waiting is committed in one transaction (group commit)
/// with <c>synchronous=FULL</c>; each caller completes only after that commit, so an acknowledged change is on disk.
/// Reads use their own pooled connections (WAL lets them run beside the writer). One instance per file per silo.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly int _maxBatch;

    /// <param name="path">The database file.</param>
    /// <param name="maxBatch">Most changes committed in one transaction.</param>
    public SqliteDatabase(string path, int maxBatch = 512)
    {
        path = System.IO.Path.GetFullPath(path);
        Path = path;
        _maxBatch = maxBatch;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>Opens a connection for reading.</summary>
    public async Task<SqliteConnection> OpenReadAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="change"/> inside the next group-commit transaction and returns its result once the
    /// transaction is durable. A change is one statement (SQLite makes a failed statement change nothing), so a
    /// change that throws before or instead of executing fails alone; a failing statement fails the whole batch,
    /// which then commits nothing and acknowledges nothing.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Batch, T> change)
    {
        var work = new Work<T>(change);
        if (!_queue.Writer.TryWrite(work))
        {
            throw new InvalidOperationException($"SQLite store {Path} takes no more writes: {(_writer.Exception?.InnerException?.Message ?? "it is shut down")}", _writer.Exception?.InnerException);
        }

        return await work.Done.Task;
    }

    // Disposing drains what is queued; a writer that already failed has told its callers, so it is not rethrown here.
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        // A shutdown bound in wall-clock time, whatever clock the grains run on.
        await Task.WhenAny(_writer, Task.Delay(TimeSpan.FromSeconds(10), TimeProvider.System));
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        Task.WaitAny([_writer], TimeSpan.FromSeconds(10));
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await WriteBatchesAsync();
        }
        catch (Exception ex)
        {
            // The file cannot be written at all (say, it cannot be opened): fail what waits, refuse what comes,
            // rather than leave callers waiting forever.
            _queue.Writer.TryComplete(ex);
            while (_queue.Reader.TryRead(out var w))
            {
                w.Fail(ex);
            }

            throw;
        }
    }

    private async Task WriteBatchesAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // WAL: readers never block the writer. FULL: the WAL is fsynced at every commit, so a committed write survives a power cut.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync();
        }

        var works = new List<Work>(_maxBatch);
        var commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        while (await _queue.Reader.WaitToReadAsync())
        {
            works.Clear();
            while (works.Count < _maxBatch && _queue.Reader.TryRead(out var w))
            {
                works.Add(w);
            }

            try
            {
                using var transaction = connection.BeginTransaction();
                var batch = new Batch(connection, transaction, commands);
                foreach (var w in works)
                {
                    try
                    {
                        w.Run(batch);
                    }
                    catch (Exception ex) when (ex is not SqliteException)
                    {
                        w.Fail(ex);
                    }
                }

                transaction.Commit();
                foreach (var w in works)
                {
                    w.Complete();
                }
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                foreach (var w in works)
                {
                    w.Fail(ex);
                }
            }
        }

        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }
    }

    /// <summary>The open group-commit transaction, with its commands prepared once per statement text.</summary>
    public sealed class Batch(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, SqliteCommand> commands)
    {
        /// <summary>A command for <paramref name="sql"/> with no parameters bound, in this transaction.</summary>
        public SqliteCommand Command(string sql)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                commands[sql] = command;
            }

            command.Transaction = transaction;
            command.Parameters.Clear();
            return command;
        }
    }

    private abstract class Work
    {
        public abstract void Run(Batch batch);

        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class Work<T>(Func<Batch, T> change) : Work
    {
        private T _result = default!;
        private Exception? _failure;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(Batch batch) => _result = change(batch);

        public override void Complete()
        {
            if (_failure is null)
            {
                Done.TrySetResult(_result);
            }
            else
            {
                Done.TrySetException(_failure);
            }
        }

        public override void Fail(Exception ex)
        {
            _failure = ex;
            Done.TrySetException(ex);
        }
    }
}
