using Pipeline.Evaluation.Hosting;

namespace Pipeline.Tests.Infrastructure;

/// <summary>Files of the repository the tests read.</summary>
public static class Repository
{
    public static string Root => RepositoryPaths.Root;

    public static string SeedPath => RepositoryPaths.Seed;

    public static string SeedText => File.ReadAllText(SeedPath);
}
