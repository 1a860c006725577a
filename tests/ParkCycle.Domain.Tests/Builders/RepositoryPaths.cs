namespace ParkCycle.Domain.Tests.Builders;

/// <summary>Finds the repository root (the folder holding ParkCycle.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(Root, "seeds", name);

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
