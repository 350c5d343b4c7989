namespace Pipeline.Tests.Infrastructure;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SeedPath => Path.Combine(Root, "seeds", "000_09b943ff63819a7c.txt");

    public static string SeedText => File.ReadAllText(SeedPath);

    /// <summary>The shared evaluation data next to the repository, or null on a machine without it.</summary>
    public static string? SharedEval =>
        Directory.Exists(Path.Combine(Root, "..", "shared", "eval")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval")) : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
