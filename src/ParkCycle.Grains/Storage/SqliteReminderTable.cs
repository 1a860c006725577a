using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// Orleans reminders in the embedded SQLite file (table <c>reminders</c>), so a single silo's reminders survive a
/// restart like its grain state does. Changes share the file's group-commit writer with grain state (SQLite has one
/// writer; a second one would stall the reports behind its lock). ETags are version numbers: a stale remove fails
/// rather than deleting a newer row.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    public Task Init() => database.WriteAsync(batch => batch.Command("""
        CREATE TABLE IF NOT EXISTS reminders (
            grain_id TEXT NOT NULL,
            name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at TEXT NOT NULL,
            period_ms INTEGER NOT NULL,
            etag INTEGER NOT NULL,
            PRIMARY KEY (grain_id, name));
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (grain_hash);
        """).ExecuteNonQuery());

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync("WHERE grain_id = $id", c => c.Parameters.AddWithValue("$id", grainId.ToString()));

    /// <summary>Rows whose grain hash is in (begin, end]; when begin ≥ end the range wraps around the ring.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        QueryAsync(begin < end ? "WHERE grain_hash > $begin AND grain_hash <= $end" : "WHERE grain_hash > $begin OR grain_hash <= $end", c =>
        {
            c.Parameters.AddWithValue("$begin", (long)begin);
            c.Parameters.AddWithValue("$end", (long)end);
        });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync("WHERE grain_id = $id AND name = $name", c =>
        {
            c.Parameters.AddWithValue("$id", grainId.ToString());
            c.Parameters.AddWithValue("$name", reminderName);
        });
        return rows.Reminders.SingleOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var id = entry.GrainId.ToString();
        var hash = (long)entry.GrainId.GetUniformHashCode();
        var start = entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var period = (long)entry.Period.TotalMilliseconds;
        var etag = await database.WriteAsync(batch =>
        {
            var command = batch.Command("""
                INSERT INTO reminders (grain_id, name, grain_hash, start_at, period_ms, etag)
                VALUES ($id, $name, $hash, $start, $period, 1)
                ON CONFLICT (grain_id, name) DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms, etag = reminders.etag + 1
                RETURNING etag
                """);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$start", start);
            command.Parameters.AddWithValue("$period", period);
            return (long)command.ExecuteScalar()!;
        });
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var id = grainId.ToString();
        var expected = long.Parse(eTag, CultureInfo.InvariantCulture);
        return database.WriteAsync(batch =>
        {
            var command = batch.Command("DELETE FROM reminders WHERE grain_id = $id AND name = $name AND etag = $etag");
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$etag", expected);
            return command.ExecuteNonQuery() == 1;
        });
    }

    public Task TestOnlyClearTable() => database.WriteAsync(batch => batch.Command("DELETE FROM reminders").ExecuteNonQuery());

    private async Task<ReminderTableData> QueryAsync(string where, Action<SqliteCommand> bind)
    {
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT grain_id, name, start_at, period_ms, etag FROM reminders {where}";
        bind(command);
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return new ReminderTableData(entries);
    }
}
