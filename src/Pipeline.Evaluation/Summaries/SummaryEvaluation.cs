using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Evaluation.Summaries;

/// <summary>Mean ROUGE F1 (×100) over documents.</summary>
public readonly record struct RougeTriple(double Rouge1, double Rouge2, double RougeL)
{
    public static RougeTriple operator -(RougeTriple a, RougeTriple b) => new(a.Rouge1 - b.Rouge1, a.Rouge2 - b.Rouge2, a.RougeL - b.RougeL);
}

/// <summary>How to evaluate: which documents, which summarizer, and whether to simulate the tokenized test condition.</summary>
/// <param name="LowercaseTokenized">Tokenize (PTB style) and lower-case articles and references in memory first, as the
/// SummEval/REALSumm test samples are. For raw input only; files that are tokenized already need no flag.</param>
/// <param name="Subset">Indices of the documents to use (cross-validation folds); all when null.</param>
/// <param name="Summarizer">The summarizer under test; the shipped <see cref="FeatureSummarizer"/> when null.</param>
public sealed record EvaluationOptions(bool LowercaseTokenized = false, IReadOnlyList<int>? Subset = null, ISummarizer? Summarizer = null);

/// <summary>Scores of our summarizer and of Lead-k on the same documents, with the per-document detail.</summary>
public sealed record EvaluationResult(int Documents, RougeTriple Ours, RougeTriple Lead, double SecondsSummarizing)
{
    public IReadOnlyList<DocumentScore> PerDocument { get; init; } = [];
}

/// <summary>One document's scores (×100) and which sentences (body positions) our summary took.</summary>
public sealed record DocumentScore(int Index, RougeTriple Ours, RougeTriple Lead, int[] Positions, int BodySentences, int FirstSentenceWords);

/// <summary>
/// The summary evaluation the CLI runs: reads <c>{id, article, highlights}</c> JSONL from any path, summarizes
/// each article, and prints ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of our summaries and of Lead-k on the same
/// documents with the difference; writes the predictions as JSONL <c>{id, summary}</c> (sentences joined by
/// <c>\n</c>). References without line breaks are split into sentences first, as ROUGE-Lsum needs one per line.
/// </summary>
public static class SummaryEvaluation
{
    public static EvaluationResult Run(string jsonlPath, string? predictionsOut, int sentences, TextWriter output) =>
        Run(jsonlPath, predictionsOut, sentences, output, new EvaluationOptions());

    public static EvaluationResult Run(string jsonlPath, string? predictionsOut, int sentences, TextWriter output, EvaluationOptions options)
    {
        var pairs = SummaryCorpus.Read(jsonlPath);
        using var predictions = predictionsOut is null ? null : new StreamWriter(predictionsOut);
        var result = Evaluate(pairs, sentences, options, predictions);
        Print(result, sentences, jsonlPath + (options.LowercaseTokenized ? " (tokenized + lower-cased in memory)" : ""), output);
        return result;
    }

    /// <summary>Evaluates already-read pairs; predictions are written when <paramref name="predictions"/> is given.</summary>
    public static EvaluationResult Evaluate(IReadOnlyList<SummaryPair> pairs, int sentences, EvaluationOptions options, TextWriter? predictions = null)
    {
        var summarizer = options.Summarizer ?? new FeatureSummarizer();
        var lead = new LeadSummarizer();
        var scorer = new RougeScorer();
        var metadata = new ArticleMetadata("", null, null, null, null);
        var ours = new Accumulator();
        var baseline = new Accumulator();
        var watch = new Stopwatch();
        var perDocument = new List<DocumentScore>(options.Subset?.Count ?? pairs.Count);
        int count = options.Subset?.Count ?? pairs.Count;
        for (int k = 0; k < count; k++)
        {
            var pair = pairs[options.Subset?[k] ?? k];
            string article = options.LowercaseTokenized ? TokenizedCorpusSimulator.Convert(pair.Article) : pair.Article;
            string reference = ReferenceLines(options.LowercaseTokenized ? TokenizedCorpusSimulator.Convert(pair.Highlights) : pair.Highlights);

            watch.Start();
            var document = TextDocument.Analyze(article);
            var chosen = Summary.Take(summarizer.Rank(document, metadata, sentences), sentences, s => s.Index);
            watch.Stop();
            string summary = Join(chosen);
            string leadSummary = Join(Summary.Take(lead.Rank(document, metadata, sentences), sentences, s => s.Index));

            var ourScores = scorer.Score(reference, summary);
            var leadScores = scorer.Score(reference, leadSummary);
            ours.Add(ourScores);
            baseline.Add(leadScores);
            var positions = new int[chosen.Count];
            for (int i = 0; i < positions.Length; i++)
            {
                positions[i] = chosen[i].Index - document.HeaderSentences;
            }
            int body = document.Sentences.Length - document.HeaderSentences;
            int firstWords = body > 0 ? document.Sentences[document.HeaderSentences].TokenCount : 0;
            perDocument.Add(new DocumentScore(options.Subset?[k] ?? k, Triple(ourScores), Triple(leadScores), positions, body, firstWords));
            if (predictions is not null)
            {
                WritePrediction(predictions, pair.Id, summary);
            }
        }
        return new EvaluationResult(count, ours.Mean(), baseline.Mean(), watch.Elapsed.TotalSeconds) { PerDocument = perDocument };
    }

    private static RougeTriple Triple(RougeScores s) => new(100 * s.Rouge1.F1, 100 * s.Rouge2.F1, 100 * s.RougeLsum.F1);

    public static void Print(EvaluationResult result, int sentences, string source, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{source}: {result.Documents} documents, {sentences} sentences per summary (ROUGE F1 x100, stemmed; ROUGE-L = ROUGE-Lsum)"));
        output.WriteLine(string.Create(c, $"{"",-12}{"ROUGE-1",9}{"ROUGE-2",9}{"ROUGE-L",9}"));
        output.WriteLine(string.Create(c, $"{"ours",-12}{result.Ours.Rouge1,9:F2}{result.Ours.Rouge2,9:F2}{result.Ours.RougeL,9:F2}"));
        output.WriteLine(string.Create(c, $"{"lead-" + sentences,-12}{result.Lead.Rouge1,9:F2}{result.Lead.Rouge2,9:F2}{result.Lead.RougeL,9:F2}"));
        var d = result.Ours - result.Lead;
        output.WriteLine(string.Create(c, $"{"difference",-12}{d.Rouge1,9:+0.00;-0.00}{d.Rouge2,9:+0.00;-0.00}{d.RougeL,9:+0.00;-0.00}"));
    }

    /// <summary>Summary sentences one per line, as ROUGE-Lsum reads them; line breaks inside a sentence become spaces.</summary>
    public static string Join(IReadOnlyList<SummarySentence> sentences)
    {
        var lines = new string[sentences.Count];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = sentences[i].Text.ReplaceLineEndings(" ");
        }
        return string.Join('\n', lines);
    }

    /// <summary>The reference with one sentence per line: as given when it has line breaks, else split by our splitter.</summary>
    public static string ReferenceLines(string highlights)
    {
        if (highlights.Contains('\n'))
        {
            return highlights;
        }
        var document = TextDocument.Analyze(highlights);
        var lines = new List<string>(document.Sentences.Length);
        foreach (var sentence in document.Sentences)
        {
            lines.Add(sentence.Span.Slice(highlights).ToString());
        }
        return string.Join('\n', lines);
    }

    private static void WritePrediction(TextWriter writer, string id, string summary)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("summary", summary);
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private sealed class Accumulator
    {
        private double r1, r2, rl;
        private int n;

        public void Add(RougeScores scores)
        {
            r1 += scores.Rouge1.F1;
            r2 += scores.Rouge2.F1;
            rl += scores.RougeLsum.F1;
            n++;
        }

        public RougeTriple Mean() => n == 0 ? default : new RougeTriple(100 * r1 / n, 100 * r2 / n, 100 * rl / n);
    }
}
