using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An article file (" + ArticleReader.Supported + ")." };
        var json = new Option<bool>("--json") { Description = "Print the extraction as JSON (offsets are UTF-16 positions in the extracted text)." };
        var command = new Command("extract", "Extract entities, quotes, a summary and key phrases from one file, without storage.") { file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Not found: {path.FullName}");
                return 2;
            }
            var extractor = CliServices.Extraction().GetRequiredService<ArticleExtractor>();
            try
            {
                var bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
                var article = ArticleReader.Read(ArticleId.FromBlobName(path.Name), path.Name, bytes);
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
}
