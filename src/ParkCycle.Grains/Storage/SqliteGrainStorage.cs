using Orleans.Serialization;
using Orleans.Storage;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// Grain state in the embedded SQLite file (table <c>grain_state</c>). Writes go through the file's single
/// group-commit writer (<see cref="SqliteDatabase"/>), so a write returns only once it is on disk. ETags are
/// version numbers checked in the UPDATE's WHERE clause: a stale write fails with
/// <see cref="InconsistentStateException"/> and never overwrites.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, Serializer serializer) : IGrainStorage
{
    private const string Insert = "INSERT INTO grain_state (grain_id, state, etag, data) VALUES ($id, $state, $etag, $data) ON CONFLICT DO NOTHING";
    private const string Update = "UPDATE grain_state SET etag = $etag, data = $data WHERE grain_id = $id AND state = $state AND etag = $old";
    private const string Delete = "DELETE FROM grain_state WHERE grain_id = $id AND state = $state AND etag = $old";

    private readonly Lazy<Task> _schema = new(() => database.WriteAsync(batch => batch.Command("""
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_id TEXT NOT NULL,
            state TEXT NOT NULL,
            etag TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (grain_id, state))
        """).ExecuteNonQuery()));

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _schema.Value;
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM grain_state WHERE grain_id = $id AND state = $state";
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.ETag = reader.GetString(0);
            grainState.State = serializer.Deserialize<T>((byte[])reader["data"]);
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
        var id = grainId.ToString();
        var old = grainState.ETag;
        var next = NextETag(old);
        var data = serializer.SerializeToArray(grainState.State);
        var written = await database.WriteAsync(batch =>
        {
            var command = batch.Command(old is null ? Insert : Update);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$state", stateName);
            command.Parameters.AddWithValue("$etag", next);
            command.Parameters.AddWithValue("$data", data);
            if (old is not null)
            {
                command.Parameters.AddWithValue("$old", old);
            }

            return command.ExecuteNonQuery();
        });
        if (written == 0)
        {
            throw Stale(id, stateName, old);
        }

        grainState.ETag = next;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _schema.Value;
        var id = grainId.ToString();
        var old = grainState.ETag;
        if (old is not null)
        {
            var deleted = await database.WriteAsync(batch =>
            {
                var command = batch.Command(Delete);
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$state", stateName);
                command.Parameters.AddWithValue("$old", old);
                return command.ExecuteNonQuery();
            });
            if (deleted == 0)
            {
                throw Stale(id, stateName, old);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private static string NextETag(string? etag) =>
        (etag is null ? 1 : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Another activation (or a lost race) wrote first: refuse rather than overwrite.
    private static InconsistentStateException Stale(string id, string state, string? etag) =>
        new($"stale write to {id}/{state}: expected etag {etag ?? "(none)"}", etag ?? string.Empty, etag ?? string.Empty);
}
