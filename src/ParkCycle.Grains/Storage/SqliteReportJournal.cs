using Orleans.Serialization;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// The report history in the embedded SQLite file (table <c>report_history</c>), written through the file's
/// group-commit writer like grain state, so an append is on disk when it returns.
/// </summary>
public sealed class SqliteReportJournal(SqliteDatabase database, Serializer serializer) : IReportJournal
{
    private const string Insert = """
        INSERT INTO report_history (enterprise, report_id, version, data)
        VALUES ($enterprise, $report, $version, $data) ON CONFLICT DO NOTHING
        """;

    private readonly Lazy<Task> _schema = new(() => database.WriteAsync(batch => batch.Command("""
        CREATE TABLE IF NOT EXISTS report_history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            enterprise TEXT NOT NULL,
            report_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            data BLOB NOT NULL,
            UNIQUE (enterprise, report_id, version));
        """).ExecuteNonQuery()));

    public async Task AppendAsync(string enterprise, ReportRecord record)
    {
        await _schema.Value;
        var data = serializer.SerializeToArray(record);
        await database.WriteAsync(batch =>
        {
            var command = batch.Command(Insert);
            command.Parameters.AddWithValue("$enterprise", enterprise);
            command.Parameters.AddWithValue("$report", record.ReportId);
            command.Parameters.AddWithValue("$version", record.Version);
            command.Parameters.AddWithValue("$data", data);
            return command.ExecuteNonQuery();
        });
    }

    public async Task<IReadOnlyList<ReportRecord>> ReadAsync(string enterprise)
    {
        await _schema.Value;
        await using var connection = await database.OpenReadAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM report_history WHERE enterprise = $enterprise ORDER BY seq";
        command.Parameters.AddWithValue("$enterprise", enterprise);
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<ReportRecord>();
        while (await reader.ReadAsync())
        {
            records.Add(serializer.Deserialize<ReportRecord>((byte[])reader[0])!);
        }

        return records;
    }
}
