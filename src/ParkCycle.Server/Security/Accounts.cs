using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using ParkCycle.Grains.Storage;

namespace ParkCycle.Server.Security;

/// <summary>The three kinds of user.</summary>
public static class Roles
{
    /// <summary>Park administration: everything.</summary>
    public const string Administrator = "administrator";

    /// <summary>Investment staff: analysis, gaps, opportunities and enterprise identities; no commercial terms.</summary>
    public const string Investment = "investment";

    /// <summary>An enterprise: its own data and reports; others anonymised.</summary>
    public const string Enterprise = "enterprise";

    public static readonly string[] All = [Administrator, Investment, Enterprise];
}

/// <summary>
/// A user account: PBKDF2-hashed password, role, for enterprise users the enterprise they act for, and the security
/// stamp every token of it carries (a new stamp ends every session: logout, password or role change).
/// </summary>
public sealed record Account(string Username, string Role, string? Enterprise, string Stamp);

/// <summary>One audited state-changing request.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string User, string Method, string Path, int Status);

/// <summary>
/// Accounts and the audit trail in a SQLite file beside the grain store. The bootstrap administrator comes from
/// configuration (<c>ParkCycle:Admin:Username</c>, <c>ParkCycle:Admin:Password</c>) and is created on first use.
/// </summary>
/// <remarks>
/// Writes go through the file's group-commit writer (<see cref="SqliteDatabase"/>): every state-changing request is
/// audited, and one fsynced transaction per request capped report submissions at a few hundred a second.
/// </remarks>
public sealed class AccountStore : IDisposable
{
    private const int Iterations = 100_000;
    private static readonly byte[] UnknownUserSalt = RandomNumberGenerator.GetBytes(16);

    /// <summary>The most audit rows kept: older ones are dropped as new ones arrive. The default value is 1,000,000.</summary>
    public const long MaxAuditRows = 1_000_000;
    /// <summary>How long a stamp read from the file is trusted: another process's change (a second server on the file) is seen within it; this store's own changes at once.</summary>
    public static readonly TimeSpan StampCacheTime = TimeSpan.FromSeconds(2);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset Read)> _stamps = new(StringComparer.Ordinal);

    public AccountStore(string path, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _database = new SqliteDatabase(path);
        // Through the writer too: it is the file's only writer. Once, at start-up, so waiting here is harmless.
        _database.WriteAsync(batch =>
        {
            batch.Command("""
                CREATE TABLE IF NOT EXISTS accounts (username TEXT PRIMARY KEY, salt BLOB NOT NULL, hash BLOB NOT NULL, role TEXT NOT NULL, enterprise TEXT, stamp TEXT);
                CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, status INTEGER NOT NULL);
                """).ExecuteNonQuery();
            // Files from before security stamps: the column is added and every account gets one (their old tokens,
            // which carry none, are refused: those users log in again).
            var hasStamp = Convert.ToInt64(batch.Command("SELECT COUNT(*) FROM pragma_table_info('accounts') WHERE name = 'stamp'").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
            if (!hasStamp)
            {
                batch.Command("ALTER TABLE accounts ADD COLUMN stamp TEXT").ExecuteNonQuery();
            }

            return batch.Command("UPDATE accounts SET stamp = lower(hex(randomblob(16))) WHERE stamp IS NULL").ExecuteNonQuery();
        }).GetAwaiter().GetResult();
    }

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// Creates or replaces an account. A change of password, role or enterprise gives it a new security stamp, which
    /// ends every session it had; the same account written again (the bootstrap administrator at each start) keeps its stamp.
    /// </summary>
    public async Task UpsertAsync(string username, string password, string role, string? enterprise)
    {
        var current = Find(username);
        if (current is { } c && c.Account.Role == role && c.Account.Enterprise == enterprise
            && CryptographicOperations.FixedTimeEquals(c.Hash, Hash(password, c.Salt)))
        {
            return;
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Hash(password, salt);
        var stamp = NewStamp();
        _stamps.TryRemove(username, out _);
        await _database.WriteAsync(batch =>
        {
            var command = batch.Command("INSERT INTO accounts (username, salt, hash, role, enterprise, stamp) VALUES ($u, $s, $h, $r, $e, $t) ON CONFLICT(username) DO UPDATE SET salt = $s, hash = $h, role = $r, enterprise = $e, stamp = $t");
            command.Parameters.AddWithValue("$u", username);
            command.Parameters.AddWithValue("$s", salt);
            command.Parameters.AddWithValue("$h", hash);
            command.Parameters.AddWithValue("$r", role);
            command.Parameters.AddWithValue("$e", (object?)enterprise ?? DBNull.Value);
            command.Parameters.AddWithValue("$t", stamp);
            return command.ExecuteNonQuery();
        });
        _stamps[username] = (stamp, _clock.GetUtcNow());
    }

    /// <summary>Gives the account a new security stamp: every token issued to it so far is refused from now on (logout).</summary>
    public async Task RotateStampAsync(string username)
    {
        var stamp = NewStamp();
        _stamps.TryRemove(username, out _);
        await _database.WriteAsync(batch =>
        {
            var command = batch.Command("UPDATE accounts SET stamp = $t WHERE username = $u");
            command.Parameters.AddWithValue("$u", username);
            command.Parameters.AddWithValue("$t", stamp);
            return command.ExecuteNonQuery();
        });
        _stamps[username] = (stamp, _clock.GetUtcNow());
    }

    /// <summary>Whether a token's stamp is the account's current one (false for an account that no longer exists).</summary>
    public bool IsCurrent(string username, string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        var now = _clock.GetUtcNow();
        if (!_stamps.TryGetValue(username, out var cached) || now - cached.Read > StampCacheTime || now < cached.Read)
        {
            cached = (Find(username)?.Account.Stamp, now);
            _stamps[username] = cached;
        }

        return cached.Stamp is { } current && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(current), System.Text.Encoding.UTF8.GetBytes(stamp));
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private (Account Account, byte[] Salt, byte[] Hash)? Find(string username)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT salt, hash, role, enterprise, stamp FROM accounts WHERE username = $u";
        command.Parameters.AddWithValue("$u", username);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return (new Account(username, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? string.Empty : reader.GetString(4)),
            (byte[])reader[0], (byte[])reader[1]);
    }

    /// <summary>The account when the password is right; null otherwise (the same answer for an unknown user).</summary>
    public Account? Verify(string username, string password)
    {
        if (Find(username) is not { } found)
        {
            // The same work for an unknown user, so timing does not tell which usernames exist.
            _ = Hash(password, UnknownUserSalt);
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(found.Hash, Hash(password, found.Salt)) ? found.Account : null;
    }

    public Task AuditAsync(string user, string method, string path, int status, DateTimeOffset at) => _database.WriteAsync(batch =>
    {
        var command = batch.Command("INSERT INTO audit (at, user, method, path, status) VALUES ($a, $u, $m, $p, $s)");
        command.Parameters.AddWithValue("$a", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$m", method);
        command.Parameters.AddWithValue("$p", path);
        command.Parameters.AddWithValue("$s", status);
        var written = command.ExecuteNonQuery();
        // Bounded: a rowid range delete, nothing to do until the table is full.
        var prune = batch.Command("DELETE FROM audit WHERE id <= last_insert_rowid() - $max");
        prune.Parameters.AddWithValue("$max", MaxAuditRows);
        prune.ExecuteNonQuery();
        return written;
    });

    public IReadOnlyList<AuditEntry> ReadAudit(int skip, int take)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, user, method, path, status FROM audit ORDER BY id DESC LIMIT $t OFFSET $s";
        command.Parameters.AddWithValue("$t", take);
        command.Parameters.AddWithValue("$s", skip);
        using var reader = command.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }

        return list;
    }

    private static byte[] Hash(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        return connection;
    }
}
