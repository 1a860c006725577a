namespace ParkCycle.Grains.Hosting;

/// <summary>Finds the seed dataset, the model and other repository data the hosts read, wherever they were started.</summary>
public static class FileLocator
{
    /// <summary>
    /// A rooted path if it exists; otherwise the first <paramref name="relative"/> found from the working directory
    /// upwards, then from the application's directory upwards; null when none exists.
    /// </summary>
    public static string? Locate(string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return Directory.Exists(relative) || File.Exists(relative) ? relative : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
