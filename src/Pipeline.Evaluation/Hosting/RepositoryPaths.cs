namespace Pipeline.Evaluation.Hosting;

/// <summary>Files of the repository, found from the running program's folder or the current directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Pipeline.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Seed => Path.Combine(Root, "seeds", "000_09b943ff63819a7c.txt");

    /// <summary>The shared evaluation data next to the repository, or null where it is not (a user's clone).</summary>
    public static string? SharedEval =>
        Directory.Exists(Path.Combine(Root, "..", "shared", "eval")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval")) : null;

    /// <summary>The built local host of the given configuration.</summary>
    public static string LocalHostDll(string configuration) =>
        Path.Combine(Root, "src", "Pipeline.LocalHost", "bin", configuration, "net10.0", "Pipeline.LocalHost.dll");

    /// <summary>The built command-line tool (<c>pipeline</c>) of the given configuration.</summary>
    public static string CliDll(string configuration) =>
        Path.Combine(Root, "src", "Pipeline.Cli", "bin", configuration, "net10.0", "pipeline.dll");

    /// <summary>"Debug" when the running program was built so, else "Release" (the installed tool is a Release build).</summary>
    public static string CurrentConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run this from the repository: Pipeline.sln was not found above " + AppContext.BaseDirectory);
    }
}
