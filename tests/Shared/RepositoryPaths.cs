namespace ParkCycle.Testing;

/// <summary>
/// The repository's folders as the tests find them: the root is the first folder above the test's output holding
/// ParkCycle.sln. One lookup, compiled into every test project by the root Directory.Build.props.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A seed dataset folder, <c>seeds/&lt;name&gt;</c>.</summary>
    public static string Seed(string name) => Path.Combine(Root, "seeds", name);

    /// <summary>A path under <c>../shared</c>, the folder CI places beside the checkout.</summary>
    public static string Shared(params string[] parts) => Path.Combine([Root, "..", "shared", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkCycle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ParkCycle.sln not found above " + AppContext.BaseDirectory);
    }
}
