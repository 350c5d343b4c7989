using System.Diagnostics;
using System.Globalization;
using Pipeline.Articles;

using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Evaluation.Summaries;

/// <summary>
/// Runs Debian's Open Text Summarizer (<c>apt-get install -y ots</c>; command <c>ots --ratio=R</c>, article on
/// standard input, nothing written to disk) on the same articles, for speed and ROUGE next to ours and Lead-3.
/// ots picks a share of sentences rather than a count; the ratio is chosen per article to ask for about three.
/// </summary>
public static class OtsComparison
{
    public static void Run(IReadOnlyList<SummaryPair> pairs, int count, TextWriter output)
    {
        var scorer = new RougeScorer();
        var metadata = new ArticleMetadata("", null, null, null, null);
        var summarizer = new FeatureSummarizer();
        double ots1 = 0, ots2 = 0, otsL = 0, our1 = 0, lead1 = 0;
        int n = 0;
        var watch = new Stopwatch();
        for (int i = 0; i < count && i < pairs.Count; i++)
        {
            var document = TextDocument.Analyze(pairs[i].Article);
            int sentences = Math.Max(1, document.Sentences.Length);
            int ratio = Math.Clamp((int)Math.Ceiling(300.0 / sentences), 1, 100); // about 3 sentences
            watch.Start();
            string? summary = RunOts(pairs[i].Article, ratio);
            watch.Stop();
            if (summary is null)
            {
                output.WriteLine("ots: not installed or failed (apt-get install -y ots)");
                return;
            }
            var reference = SummaryEvaluation.ReferenceLines(pairs[i].Highlights);
            var s = scorer.Score(reference, SummaryEvaluation.ReferenceLines(summary.ReplaceLineEndings(" ").Trim()));
            ots1 += s.Rouge1.F1;
            ots2 += s.Rouge2.F1;
            otsL += s.RougeLsum.F1;
            our1 += scorer.Score(reference, SummaryEvaluation.Join(Summary.Take(summarizer.Rank(document, metadata, 3), 3, x => x.Index))).Rouge1.F1;
            lead1 += scorer.Score(reference, SummaryEvaluation.Join(new LeadSummarizer().Rank(document, metadata, 3))).Rouge1.F1;
            n++;
        }
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"ots on {n} articles (one process per article, stdin): {n / watch.Elapsed.TotalSeconds:F0} articles/s ({watch.Elapsed.TotalMilliseconds / n:F1} ms each, process start included)"));
        output.WriteLine(string.Create(c, $"ots ROUGE-1/2/L {100 * ots1 / n:F2} / {100 * ots2 / n:F2} / {100 * otsL / n:F2}; ours ROUGE-1 {100 * our1 / n:F2}; lead-3 ROUGE-1 {100 * lead1 / n:F2} (same articles)"));
    }

    private static string? RunOts(string article, int ratio)
    {
        try
        {
            var info = new ProcessStartInfo("ots", $"--ratio={ratio}")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }
            var reading = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Write(article);
            process.StandardInput.Close();
            process.WaitForExit();
            return process.ExitCode == 0 ? reading.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
