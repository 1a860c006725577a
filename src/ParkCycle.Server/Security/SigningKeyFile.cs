using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ParkCycle.Server.Security;

/// <summary>
/// The token signing key kept with the data, so tokens survive a restart: 32 random bytes, base64, generated on the
/// first start into a file only its owner can read or write (0600 on Unix), read back on every later start.
/// </summary>
public static class SigningKeyFile
{
    /// <summary>The file's name, beside the accounts database.</summary>
    public const string FileName = "jwt-signing.key";

    /// <summary>The key in <paramref name="path"/>, created there first if the file does not exist.</summary>
    public static SymmetricSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        var text = File.ReadAllText(path).Trim();
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length) || length < 32)
        {
            throw new InvalidOperationException($"{path}: not a signing key (base64 of at least 32 bytes); delete it to have a new one generated, which ends every session");
        }

        return new SymmetricSecurityKey(bytes[..length]);
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Written whole under a temporary name with its final permissions, then moved into place: a reader never
        // sees a partial key, and of two hosts starting at once the first move wins and both read its key.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(temporary, options)))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
