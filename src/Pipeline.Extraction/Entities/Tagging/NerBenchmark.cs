using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Single-threaded tagging speed: one long article (a text repeated to about <c>bytes</c> characters) and the
/// original article as many short documents, after warm-up. Tokenizing and sentence splitting are timed apart from
/// tagging. Prints numbers; it is a measurement, not a test.
/// </summary>
public static class NerBenchmark
{
    /// <summary>Used when no text is given: the product's sample article.</summary>
    public const string DefaultText = "../main/seeds/000_09b943ff63819a7c.txt";

    public static void Run(PerceptronTaggerModel model, string? textPath, int bytes, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var article = File.ReadAllText(textPath ?? DefaultText);
        var recognizer = new PerceptronEntityRecognizer(model);
        var big = new StringBuilder(bytes + article.Length);
        while (big.Length < bytes)
        {
            big.Append(article).Append('\n');
        }
        var text = big.ToString();

        var clock = Stopwatch.StartNew();
        var document = TextDocument.Analyze(text);
        double analyzeMs = clock.Elapsed.TotalMilliseconds;
        int tokens = document.Tokens.Length;
        output.WriteLine(string.Create(c, $"long document: {text.Length:N0} chars, {tokens:N0} tokens, {document.Sentences.Length:N0} sentences; Analyze {analyzeMs:F0} ms"));

        for (int i = 0; i < 3; i++)
        {
            recognizer.Recognize(document);
        }
        int runs = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        int mentions = 0;
        while (clock.Elapsed.TotalSeconds < 5 || runs < 3)
        {
            mentions = recognizer.Recognize(document).Length;
            runs++;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine(string.Create(c, $"  tagging: {tokens * (double)runs / seconds:N0} tokens/s ({seconds * 1000 / runs:F1} ms per document, {runs} runs, {mentions:N0} mentions, {allocated / runs / 1024.0:F0} KB allocated per run)"));

        var small = TextDocument.Analyze(article);
        for (int i = 0; i < 200; i++)
        {
            recognizer.Recognize(small);
        }
        runs = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < 3)
        {
            recognizer.Recognize(small);
            runs++;
        }
        seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(c, $"short documents: {small.Tokens.Length:N0} tokens each; tagging {small.Tokens.Length * (double)runs / seconds:N0} tokens/s ({seconds * 1e6 / runs:F0} µs per document)"));

        runs = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < 3)
        {
            recognizer.Recognize(TextDocument.Analyze(article));
            runs++;
        }
        seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(c, $"  Analyze + tagging: {small.Tokens.Length * (double)runs / seconds:N0} tokens/s"));
    }
}
