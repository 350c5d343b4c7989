using System.Text.Json;
using Pipeline.Evaluation.Summaries;

namespace Pipeline.Tests.Evaluation;

public sealed class SummaryEvaluationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sumlab-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(params object[] rows)
    {
        var path = Path.Combine(directory, "set.jsonl");
        File.WriteAllLines(path, rows.Select(r => JsonSerializer.Serialize(r)));
        return path;
    }

    [Fact]
    public void Prints_ours_and_lead_side_by_side_and_writes_predictions()
    {
        var path = Write(
            new { id = "a", article = "(CNN) -- The dam burst on Monday, flooding the valley. Hundreds fled their homes. The river rose fast. Officials blamed the rain.", highlights = "The dam burst on Monday .\nHundreds fled ." },
            new { id = "b", article = "-lrb- cnn -rrb- -- the dam burst on monday , flooding the valley . hundreds fled their homes .", highlights = "the dam burst on monday . hundreds fled ." });
        var predictions = Path.Combine(directory, "preds.jsonl");
        var output = new StringWriter();
        var result = SummaryEvaluation.Run(path, predictions, 3, output);

        Assert.Equal(2, result.Documents);
        var printed = output.ToString();
        Assert.Contains("ours", printed);
        Assert.Contains("lead-3", printed);
        Assert.Contains("difference", printed);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.DoesNotContain("CNN", first.RootElement.GetProperty("summary").GetString());
        Assert.True(result.Ours.Rouge1 > 30);
    }

    [Fact]
    public void A_reference_on_one_line_is_split_into_sentences_for_rouge_l() =>
        Assert.Equal("the dam burst .\nhundreds fled .", SummaryEvaluation.ReferenceLines("the dam burst . hundreds fled ."));

    [Fact]
    public void Extra_keys_numeric_ids_and_empty_articles_are_accepted()
    {
        var path = Write(new { id = 7, article = "", highlights = "x", references = new[] { "y" } });
        var result = SummaryEvaluation.Run(path, null, 3, TextWriter.Null);
        Assert.Equal(1, result.Documents);
        Assert.Equal(0, result.Ours.Rouge1);
    }
}
