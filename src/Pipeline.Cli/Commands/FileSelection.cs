using Microsoft.Extensions.FileSystemGlobbing;
using Pipeline.Storage;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Turns the paths given to <c>pipeline upload</c> into files and blob names: a file is named after itself; a folder
/// is searched recursively and its files are named by their path inside it; a glob (<c>news/**/*.md</c>) names files
/// by their path below the glob's fixed part. Hidden files (starting with '.') in folders and globs are left out.
/// </summary>
internal static class FileSelection
{
    public static (List<(string Path, string BlobName)> Files, List<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<(string, string)>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add((path, Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    if (!IsHidden(Path.GetRelativePath(path, file)))
                    {
                        files.Add((file, ArticleBlobs.BlobNameFor(path, file)));
                    }
                }
            }
            else if (path.AsSpan().IndexOfAny("*?[") >= 0)
            {
                var (root, pattern) = SplitGlob(path);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern);
                int before = files.Count;
                foreach (var file in matcher.GetResultsInFullPath(root))
                {
                    if (!IsHidden(Path.GetRelativePath(root, file)))
                    {
                        files.Add((file, ArticleBlobs.BlobNameFor(root, file)));
                    }
                }
                if (files.Count == before)
                {
                    missing.Add(path);
                }
            }
            else
            {
                missing.Add(path);
            }
        }
        return (files, missing);
    }

    /// <summary><c>news/2024/**/*.md</c> → (<c>news/2024</c>, <c>**/*.md</c>).</summary>
    private static (string Root, string Pattern) SplitGlob(string glob)
    {
        var parts = glob.Replace('\\', '/').Split('/');
        int fixedParts = Array.FindIndex(parts, p => p.AsSpan().IndexOfAny("*?[") >= 0);
        string root = string.Join('/', parts[..fixedParts]);
        return (root.Length == 0 ? "." : root, string.Join('/', parts[fixedParts..]));
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(segment => segment.StartsWith('.'));
}
