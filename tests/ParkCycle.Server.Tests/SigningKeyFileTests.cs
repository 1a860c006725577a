using ParkCycle.Server.Security;

namespace ParkCycle.Server.Tests;

public sealed class SigningKeyFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parkcycle-key-").FullName;

    [Fact]
    public void LoadOrCreate_GeneratesOnce_AndReadsTheSameKeyBack()
    {
        var path = Path.Combine(_dir, "data", SigningKeyFile.FileName);

        var first = SigningKeyFile.LoadOrCreate(path);
        var second = SigningKeyFile.LoadOrCreate(path);

        Assert.Equal(32, first.Key.Length);
        Assert.Equal(first.Key, second.Key);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void LoadOrCreate_ABrokenFile_IsNamedNotReplaced()
    {
        var path = Path.Combine(_dir, SigningKeyFile.FileName);
        File.WriteAllText(path, "c2hvcnQ=");

        var error = Assert.Throws<InvalidOperationException>(() => SigningKeyFile.LoadOrCreate(path));

        Assert.StartsWith($"{path}: not a signing key", error.Message, StringComparison.Ordinal);
        Assert.Equal("c2hvcnQ=", File.ReadAllText(path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
