using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace ParkCycle.Grains.Storage;

/// <summary>
/// Orleans cluster membership in PostgreSQL: one row per silo (its serialised entry and an ETag) and a
/// version row per cluster. Inserts and updates run in a transaction that locks the version row, check both
/// ETags, and advance the version, which is the optimistic protocol the membership oracle relies on.
/// </summary>
public sealed class PostgresMembershipTable(NpgsqlDataSource dataSource, Serializer serializer, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private string ClusterId => cluster.Value.ClusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await PostgresSchema.EnsureAsync(dataSource);
        if (tryInitTableVersion)
        {
            await using var command = dataSource.CreateCommand("INSERT INTO parkcycle_membership_version (cluster_id, version, etag) VALUES ($1, 0, 0) ON CONFLICT DO NOTHING");
            command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM parkcycle_membership WHERE cluster_id = $1; DELETE FROM parkcycle_membership_version WHERE cluster_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        await command.ExecuteNonQueryAsync();
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM parkcycle_membership WHERE cluster_id = $1 AND status = $2 AND i_am_alive < $3");
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = (int)SiloStatus.Dead });
        command.Parameters.Add(new NpgsqlParameter { Value = beforeDate.UtcDateTime });
        await command.ExecuteNonQueryAsync();
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => WriteAsync(entry, null, tableVersion);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => WriteAsync(entry, etag, tableVersion);

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var command = dataSource.CreateCommand("UPDATE parkcycle_membership SET i_am_alive = $3 WHERE cluster_id = $1 AND silo = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.SiloAddress.ToParsableString() });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.IAmAliveTime.ToUniversalTime() });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<MembershipTableData> ReadAsync(SiloAddress? key)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        TableVersion version;
        await using (var command = new NpgsqlCommand("SELECT version, etag FROM parkcycle_membership_version WHERE cluster_id = $1", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
            await using var reader = await command.ExecuteReaderAsync();
            version = await reader.ReadAsync()
                ? new TableVersion(reader.GetInt32(0), reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : new TableVersion(0, "0");
        }

        var rows = new List<Tuple<MembershipEntry, string>>();
        await using (var command = new NpgsqlCommand(
            key is null
                ? "SELECT entry, etag, i_am_alive FROM parkcycle_membership WHERE cluster_id = $1"
                : "SELECT entry, etag, i_am_alive FROM parkcycle_membership WHERE cluster_id = $1 AND silo = $2", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
            if (key is not null)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = key.ToParsableString() });
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var entry = serializer.Deserialize<MembershipEntry>((byte[])reader[0])!;
                entry.IAmAliveTime = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
                rows.Add(Tuple.Create(entry, reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        await transaction.CommitAsync();
        return new MembershipTableData(rows, version);
    }

    private async Task<bool> WriteAsync(MembershipEntry entry, string? etag, TableVersion tableVersion)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var check = new NpgsqlCommand("SELECT etag FROM parkcycle_membership_version WHERE cluster_id = $1 FOR UPDATE", connection, transaction))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
            var current = await check.ExecuteScalarAsync();
            if (current is not long currentEtag || currentEtag.ToString(System.Globalization.CultureInfo.InvariantCulture) != tableVersion.VersionEtag)
            {
                return false; // someone else changed the table since the caller read it
            }
        }

        var silo = entry.SiloAddress.ToParsableString();
        var data = serializer.SerializeToArray(entry);
        await using (var write = new NpgsqlCommand(
            etag is null
                ? "INSERT INTO parkcycle_membership (cluster_id, silo, etag, status, i_am_alive, entry) VALUES ($1, $2, 1, $3, $4, $5) ON CONFLICT DO NOTHING"
                : "UPDATE parkcycle_membership SET etag = etag + 1, status = $3, i_am_alive = $4, entry = $5 WHERE cluster_id = $1 AND silo = $2 AND etag = $6",
            connection, transaction))
        {
            write.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
            write.Parameters.Add(new NpgsqlParameter { Value = silo });
            write.Parameters.Add(new NpgsqlParameter { Value = (int)entry.Status });
            write.Parameters.Add(new NpgsqlParameter { Value = entry.IAmAliveTime.ToUniversalTime() });
            write.Parameters.Add(new NpgsqlParameter { Value = data });
            if (etag is not null)
            {
                write.Parameters.Add(new NpgsqlParameter { Value = long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture) });
            }

            if (await write.ExecuteNonQueryAsync() == 0)
            {
                return false;
            }
        }

        await using (var bump = new NpgsqlCommand("UPDATE parkcycle_membership_version SET version = $2, etag = etag + 1 WHERE cluster_id = $1", connection, transaction))
        {
            bump.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
            bump.Parameters.Add(new NpgsqlParameter { Value = tableVersion.Version });
            await bump.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }
}
