using ParkCycle.Grains.Storage;

namespace ParkCycle.Grains.Tests;

/// <summary>The embedded store's single writer when the file cannot be written.</summary>
public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task AFileThatCannotBeOpened_FailsEveryWrite_NamingTheFile_InsteadOfHanging()
    {
        var directory = Directory.CreateTempSubdirectory("parkcycle-notafile-").FullName; // a directory where the file should be
        try
        {
            await using var database = new SqliteDatabase(directory);

            // The timeout only guards the test run against the hang this test is about.
            var first = await Assert.ThrowsAnyAsync<Exception>(() => database.WriteAsync(_ => 1).WaitAsync(TimeSpan.FromSeconds(60)));
            var later = await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync(_ => 2).WaitAsync(TimeSpan.FromSeconds(60)));

            Assert.IsNotType<TimeoutException>(first);
            Assert.Contains(directory, later.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
