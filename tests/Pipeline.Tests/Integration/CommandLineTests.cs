using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>
/// The <c>pipeline</c> command as a newcomer uses it against the running pipeline: upload a saved web page, a
/// Markdown file and a broken JSON file, wait, read the results, and retry what failed.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CommandLineTests(PipelineFixture pipeline) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string folder = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<(int ExitCode, string Output)> Run(params string[] arguments) =>
        CliProcess.RunAsync(Timeout, [.. arguments, "--connection", pipeline.Azurite.ConnectionString]);

    [Fact]
    public async Task Delete_removes_the_blob_and_its_article_at_once()
    {
        const string name = "cli-delete/ferry note.txt";
        var id = Pipeline.Articles.ArticleId.FromBlobName(name);
        await pipeline.UploadAndWaitAsync(name, "Ferry note\nOfficials in Bergen said the ferry would run again on Monday.\n");

        var (exit, output) = await Run("delete", id);

        Assert.True(exit == 0, output);
        Assert.Contains($"deleted {name} and its article", output);
        Assert.False(await pipeline.Blobs.ExistsAsync(name, CancellationToken.None));
        Assert.Equal("", await StoredResults.LeftOfAsync(pipeline.Services, id));

        (exit, output) = await Run("delete", "cli-delete/no such file.txt");
        Assert.True(exit == 1, output);
        Assert.Contains("not found", output);
    }

    [Fact]
    public async Task Html_and_markdown_uploaded_with_the_cli_are_processed_and_queryable_and_a_broken_file_fails_with_its_reason()
    {
        var drop = Directory.CreateDirectory(Path.Combine(folder, "cli-drop")).FullName;
        File.Copy(Path.Combine(Repository.Root, "tests", "Pipeline.Tests", "Articles", "Samples", "news-page.html"), Path.Combine(drop, "harbour.html"));
        await File.WriteAllTextAsync(Path.Combine(drop, "council.md"), """
            ---
            title: Council backs the new tram line
            date: 2024-05-02
            section: Local
            ---
            # Council backs the new tram line

            The city council voted on Tuesday to build a tram line to the airport.

            "This is the biggest investment in a generation," Mayor Anna Reyes said after the vote.
            """);
        await File.WriteAllTextAsync(Path.Combine(drop, "broken.json"), """{ "title": "No body here" }""");

        var (exit, output) = await Run("upload", drop);
        Assert.True(exit == 0, output);
        Assert.Contains("uploaded 3, skipped as unchanged 0, failed 0", output);

        (exit, output) = await Run("wait", "--timeout", "90");
        Assert.True(exit == 1, "a failed article makes wait exit with 1:\n" + output); // broken.json

        (exit, output) = await Run("articles", "--search", "tram line", "--json");
        Assert.True(exit == 0, output);
        var tram = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray(),
            a => a.GetProperty("id").GetString() == "council.md");
        Assert.Equal("succeeded", tram.GetProperty("status").GetString());
        Assert.Equal("Local", tram.GetProperty("section").GetString());
        Assert.True(tram.GetProperty("quoteCount").GetInt32() >= 1);

        (exit, output) = await Run("articles", "--search", "Harbour reopens", "--json");
        Assert.True(exit == 0, output);
        var harbour = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray(),
            a => a.GetProperty("id").GetString() == "harbour.html");
        Assert.Equal("succeeded", harbour.GetProperty("status").GetString());

        (exit, output) = await Run("quotes", "--speaker", "Anna Reyes", "--json");
        Assert.True(exit == 0, output);
        Assert.Contains(JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray(),
            q => q.GetProperty("quote").GetProperty("text").GetString()!.Contains("biggest investment", StringComparison.Ordinal));

        (exit, output) = await Run("articles", "--status", "failed", "--json");
        Assert.True(exit == 0, output);
        var broken = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray(),
            a => a.GetProperty("id").GetString()!.EndsWith("broken.json", StringComparison.Ordinal));
        Assert.Contains("body", broken.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);

        (exit, output) = await Run("upload", drop);
        Assert.True(exit == 0, output);
        Assert.Contains("uploaded 0, skipped as unchanged 3, failed 0", output);

        (exit, output) = await Run("retry", "--failed", "--dry-run");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Uploading_a_path_that_does_not_exist_fails_with_a_clear_message()
    {
        var (exit, output) = await Run("upload", Path.Combine(folder, "no-such-folder"));
        Assert.NotEqual(0, exit);
        Assert.Contains("Not found", output);
    }

    [Fact]
    public async Task Quote_training_refuses_settings_that_train_nothing()
    {
        foreach (string[] command in new[] { ["train", "quotes", "--data", folder], new[] { "eval", "quotes", folder, "--cross-validate", "2" } })
        {
            foreach (var (option, value, message) in new[] { ("--ensemble", "0", "1 or more"), ("--jackknife-folds", "1", "2 or more"), ("--content-epochs", "0", "1 or more") })
            {
                var (exit, printed) = await CliProcess.RunAsync(Timeout, [.. command, option, value]);
                Assert.NotEqual(0, exit);
                Assert.Contains($"{option} must be {message}.", printed);
            }
        }
    }

    [Fact]
    public async Task Unlabelled_news_that_is_not_there_is_refused_before_training()
    {
        string missing = Path.Combine(folder, "no-such-news.jsonl");
        foreach (string[] command in new[] { ["train", "quotes", "--data", folder], new[] { "eval", "quotes", folder, "--cross-validate", "2" } })
        {
            var (exit, printed) = await CliProcess.RunAsync(Timeout, [.. command, "--unlabelled", missing]);
            Assert.NotEqual(0, exit);
            Assert.Contains($"File or directory does not exist: '{missing}'", printed);
        }
    }

    [Fact]
    public async Task A_training_share_goes_with_cross_validation_and_lies_between_0_and_1()
    {
        var cases = new (string[] Arguments, string Message)[]
        {
            (["eval", "quotes", folder, "--training-share", "0.5"], "--training-share goes with --cross-validate."),
            (["eval", "quotes", folder, "--cross-validate", "2", "--training-share", "0"], "more than 0 and at most 1"),
            (["eval", "quotes", folder, "--cross-validate", "2", "--training-share", "1.5"], "more than 0 and at most 1"),
        };
        foreach (var (arguments, message) in cases)
        {
            var (exit, printed) = await CliProcess.RunAsync(Timeout, arguments);
            Assert.NotEqual(0, exit);
            Assert.Contains(message, printed);
        }
    }

    [Fact]
    public async Task Extract_prints_the_extraction_of_a_file_without_storage()
    {
        var path = Path.Combine(Repository.Root, "seeds", "000_09b943ff63819a7c.txt");
        var (exit, output) = await CliProcess.RunAsync(Timeout, "extract", path, "--json");
        Assert.True(exit == 0, output);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Contains(root.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speaker").GetString() == "Jake Sullivan");
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Joe Biden");
    }

    [Fact]
    public async Task Extract_of_a_folder_writes_one_json_per_text_file_and_says_how_long_it_took_and_where_the_time_went()
    {
        var input = Directory.CreateDirectory(Path.Combine(folder, "in")).FullName;
        File.Copy(Path.Combine(Repository.Root, "seeds", "000_09b943ff63819a7c.txt"), Path.Combine(input, "seed.txt"));
        await File.WriteAllTextAsync(Path.Combine(input, "ferry.txt"), "Officials in Bergen said the ferry would run again on Monday.\n");
        var output = Path.Combine(folder, "out");

        var (exit, printed) = await CliProcess.RunAsync(Timeout, "extract", input, "--out", output, "--timings");

        Assert.True(exit == 0, printed);
        Assert.Matches(@"2 of 2 \.txt files extracted to .+ in \d+\.\d\d s", printed);
        Assert.Matches(@"start-up \d+\.\d\d s, models \d+\.\d\d s, extraction and files \d+\.\d\d s \(thread time: reading \d+\.\d\d s, extracting \d+\.\d\d s, writing \d+\.\d\d s\); JIT compilation \d+\.\d\d s \(\d+ methods\), GC pauses", printed);
        Assert.Equal(["ferry.json", "seed.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        var seed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "seed.json"))).RootElement;
        Assert.Contains(seed.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speaker").GetString() == "Jake Sullivan");
    }

    [Fact]
    public async Task Extract_of_a_folder_in_several_passes_times_each_and_writes_the_same_files()
    {
        var input = Directory.CreateDirectory(Path.Combine(folder, "passes")).FullName;
        await File.WriteAllTextAsync(Path.Combine(input, "ferry.txt"), "Officials in Bergen said the ferry would run again on Monday.\n");
        var output = Path.Combine(folder, "passes-out");

        var (exit, printed) = await CliProcess.RunAsync(Timeout, "extract", input, "--out", output, "--passes", "2");

        Assert.True(exit == 0, printed);
        Assert.Matches(@"pass 1: \d+\.\d\d s \(thread time: reading \d+\.\d\d s, extracting \d+\.\d\d s, writing \d+\.\d\d s\)", printed);
        Assert.Matches(@"pass 2: \d+\.\d\d s", printed);
        Assert.Matches(@"1 of 1 \.txt files extracted to .+ in \d+\.\d\d s \(2 passes\)", printed);
        Assert.Equal(["ferry.json"], Directory.GetFiles(output).Select(Path.GetFileName));

        var (refused, error) = await CliProcess.RunAsync(Timeout, "extract", input, "--out", output, "--passes", "0");
        Assert.NotEqual(0, refused);
        Assert.Contains("--passes must be 1 or more.", error);
    }
}
