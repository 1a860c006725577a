using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// The report history in the cluster's PostgreSQL database (table <c>parkcycle_report_history</c>, created by
/// <c>orleans-postgres.sql</c>); an append is committed when it returns.
/// </summary>
public sealed class PostgresReportJournal(NpgsqlDataSource dataSource, Serializer serializer, IOptions<ClusterOptions> cluster) : IReportJournal
{
    // Several services may share one database, as Orleans' own tables allow.
    private readonly string _service = cluster.Value.ServiceId;

    public async Task AppendAsync(string enterprise, ReportRecord record)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO parkcycle_report_history (service_id, enterprise, report_id, version, data)
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _service });
        command.Parameters.Add(new NpgsqlParameter { Value = enterprise });
        command.Parameters.Add(new NpgsqlParameter { Value = record.ReportId });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = serializer.SerializeToArray(record) });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ReportRecord>> ReadAsync(string enterprise)
    {
        await using var command = dataSource.CreateCommand("SELECT data FROM parkcycle_report_history WHERE service_id = $1 AND enterprise = $2 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = _service });
        command.Parameters.Add(new NpgsqlParameter { Value = enterprise });
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<ReportRecord>();
        while (await reader.ReadAsync())
        {
            records.Add(serializer.Deserialize<ReportRecord>((byte[])reader[0])!);
        }

        return records;
    }
}
