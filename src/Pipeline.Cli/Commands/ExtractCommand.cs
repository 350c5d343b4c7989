using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Results;
using Pipeline.Articles;
using Pipeline.Articles.Formats;
using Pipeline.Extraction;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline extract &lt;file&gt;</c>: the extraction of one file, without storage.</summary>
internal static class ExtractCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ReportJson.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static Command Create()
    {
        var path = new Argument<FileSystemInfo>("path") { Description = "An article file (" + ArticleReader.Supported + "), or a folder: every .txt in it, with --out." };
        var json = new Option<bool>("--json") { Description = "Print the extraction as JSON (offsets are UTF-16 positions in the extracted text)." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "For a folder: where to write one <name>.json per .txt file, with every offset in Unicode code points of the file's text.",
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "For a folder: also print where the command's time went (start-up, models, extraction and files with the threads' time reading, extracting and writing, JIT compilation, GC pauses; with --passes, the thread times of every pass together).",
        };
        var passes = new Option<int>("--passes")
        {
            Description = "For a folder: extract it this many times in one process, writing the same files again, and print each pass's time: " +
                          "the first is a fresh process's, the later ones a warm one's (as the bench's in-process passes are).",
            DefaultValueFactory = _ => 1,
        };
        passes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--passes must be 1 or more.");
            }
        });
        var command = new Command("extract", "Extract entities, quotes, a summary and key phrases from one file, or from every .txt in a folder, without storage.")
        {
            path, json, output, timings, passes,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(path)!;
            var started = DateTime.Now;
            var extractor = CliServices.Extraction().GetRequiredService<ArticleExtractor>();
            var loaded = DateTime.Now;
            if (input is DirectoryInfo folder && folder.Exists)
            {
                if (parse.GetValue(output) is not { } outFolder)
                {
                    Console.Error.WriteLine("A folder needs --out <folder> for the JSON files.");
                    return 2;
                }
                var phases = new long[3];
                int exit = ExtractFolder(extractor, folder, outFolder, phases, parse.GetValue(passes));
                if (parse.GetValue(timings))
                {
                    WriteTimings(started, loaded, phases);
                }
                return exit;
            }
            if (!input.Exists)
            {
                Console.Error.WriteLine($"Not found: {input.FullName}");
                return 2;
            }
            try
            {
                var article = Read(input.FullName);
                var report = ExtractionReport.From(extractor.Extract(article));
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(report, Json));
                }
                else
                {
                    ExtractionView.Write(report);
                }
                return 0;
            }
            catch (ArticleRejectedException e)
            {
                Console.Error.WriteLine($"Rejected: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// Every .txt of <paramref name="folder"/> to <c>out/&lt;name&gt;.json</c>, offsets in code points of the text as read
    /// (for .txt files, the file itself), so any scorer can use them. Files that cannot be read are listed and skipped.
    /// </summary>
    /// <param name="phases">Thread time, in stopwatch ticks, spent reading, extracting and writing (JSON and file), summed over the threads (and the passes).</param>
    /// <param name="passes">How many times to extract the folder; with more than one, each pass's time is printed.</param>
    private static int ExtractFolder(ArticleExtractor extractor, DirectoryInfo folder, DirectoryInfo output, long[] phases, int passes = 1)
    {
        var files = folder.GetFiles("*.txt");
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Create();
        var report = (JsonTypeInfo<ExtractionReport>)Json.GetTypeInfo(typeof(ExtractionReport));
        var (written, rejected) = (0, 0);
        for (int pass = 1; pass <= passes; pass++)
        {
            var before = phases.ToArray();
            long started = Stopwatch.GetTimestamp();
            (written, rejected) = ExtractPass(extractor, files, output, report, phases);
            if (passes > 1)
            {
                Console.WriteLine($"pass {pass}: {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s (thread time: reading {Ticks(phases[0] - before[0]):F2} s, " +
                                  $"extracting {Ticks(phases[1] - before[1]):F2} s, writing {Ticks(phases[2] - before[2]):F2} s)");
            }
        }
        // The whole command's time, start-up and model loading included: what a user waits for.
        var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine($"{written} of {files.Length} .txt files extracted to {output.FullName} in {elapsed.TotalSeconds:F2} s"
                          + (passes > 1 ? $" ({passes} passes)" : "")
                          + (rejected > 0 ? $"; {rejected} rejected (listed above)" : ""));
        return rejected > 0 ? 1 : 0;
    }

    private static double Ticks(long ticks) => Stopwatch.GetElapsedTime(0, ticks).TotalSeconds;

    /// <summary>One pass over the files: how many were written and how many rejected.</summary>
    private static (int Written, int Rejected) ExtractPass(ArticleExtractor extractor, FileInfo[] files, DirectoryInfo output,
        JsonTypeInfo<ExtractionReport> report, long[] phases)
    {
        int written = 0, rejected = 0;
        // Synchronous reads and writes on the pool's threads: each file is small, and the work is the extraction.
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            try
            {
                long start = Stopwatch.GetTimestamp();
                var article = Read(file.FullName);
                long read = Stopwatch.GetTimestamp();
                var extraction = ExtractionReport.From(extractor.Extract(article)).InCodePoints(article.Text);
                long extracted = Stopwatch.GetTimestamp();
                File.WriteAllBytes(Path.Combine(output.FullName, Path.GetFileNameWithoutExtension(file.Name) + ".json"),
                    JsonSerializer.SerializeToUtf8Bytes(extraction, report));
                Interlocked.Add(ref phases[0], read - start);
                Interlocked.Add(ref phases[1], extracted - read);
                Interlocked.Add(ref phases[2], Stopwatch.GetTimestamp() - extracted);
                Interlocked.Increment(ref written);
            }
            catch (ArticleRejectedException e)
            {
                Interlocked.Increment(ref rejected);
                Console.Error.WriteLine($"Rejected {file.Name}: {e.Message}");
            }
        });
        return (written, rejected);
    }

    /// <summary>
    /// Where a folder's time went: before the command ran (runtime start, command line), loading the models, and the
    /// rest; the thread time of reading, extracting and writing the files (summed over the threads, so about twice the
    /// wall time on two cores); then the JIT compilation and GC pauses of every thread, which overlap those phases.
    /// </summary>
    private static void WriteTimings(DateTime started, DateTime loaded, long[] phases)
    {
        var processStart = Process.GetCurrentProcess().StartTime;
        var now = DateTime.Now;
        Console.WriteLine($"start-up {(started - processStart).TotalSeconds:F2} s, models {(loaded - started).TotalSeconds:F2} s, " +
                          $"extraction and files {(now - loaded).TotalSeconds:F2} s (thread time: reading {Ticks(phases[0]):F2} s, " +
                          $"extracting {Ticks(phases[1]):F2} s, writing {Ticks(phases[2]):F2} s); " +
                          $"JIT compilation {JitInfo.GetCompilationTime().TotalSeconds:F2} s ({JitInfo.GetCompiledMethodCount()} methods), " +
                          $"GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s ({GC.CollectionCount(0)} collections)");
    }

    private static Article Read(string path)
    {
        var name = Path.GetFileName(path);
        return ArticleReader.Read(ArticleId.FromBlobName(name), name, File.ReadAllBytes(path));
    }
}

/// <summary>The batch output's serializer, generated at build time rather than built by reflection on first use.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ExtractionReport))]
internal sealed partial class ReportJson : JsonSerializerContext;
