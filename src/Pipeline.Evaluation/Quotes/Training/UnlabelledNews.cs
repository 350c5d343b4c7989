using System.Text;
using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// News without annotations as more training for the model for text without marks (<c>train quotes --unlabelled</c>).
/// In text with quotation marks the marks say where a quotation begins and ends; without them the words must. So the
/// model for text with marks, trained first, labels the paragraphs of unlabelled articles that hold marks, and copies
/// of them with every mark removed are learned from with its labels, beside the stripped copies of the annotated
/// articles: a teacher that reads more than its pupil, on articles the annotators never reached. Paragraphs without
/// marks are left out: there the teacher is a model of reported speech that finds three in five of what an annotator
/// marks, and what it misses would be learned as narration.
/// </summary>
public static class UnlabelledNews
{
    /// <summary>The title line put before the paragraphs kept, so that the parser reads every one of them as body.</summary>
    private const string Title = "Article";

    /// <summary>
    /// The articles of <paramref name="paths"/> (each what <see cref="NewsCorpus.Read"/> reads: a JSONL such as
    /// CNN/DailyMail's, a folder of <c>.txt</c> articles, a CoNLL-2003 file) that hold a double quotation mark: the
    /// others have nothing to teach.
    /// </summary>
    public static List<string> Read(params IEnumerable<string> paths) =>
        [.. paths.SelectMany(NewsCorpus.Read).Where(text => QuotationMarkStripper.HasMark(text))];

    /// <summary>
    /// <paramref name="texts"/> (from <see cref="Read"/>) as articles of their paragraphs that hold marks, each with the
    /// attributions <paramref name="teacher"/>, a model for text with marks, finds in it: content parts, cue, and the
    /// source (the person or organization its source token names, or the token). Text that lost its paragraph breaks
    /// is read in paragraphs where <paramref name="breaks"/> (a break stage learned from annotated articles) puts them.
    /// </summary>
    internal static List<PolnearArticle> Label(IReadOnlyList<string> texts, AttributionModel teacher, LinearModel breaks)
    {
        var entities = new EntityExtractor(EntityModels.Recognizer);
        var tagger = new AttributionTagger(new QuoteModel(teacher, teacher, new Dictionary<string, string>()));
        var labelled = new PolnearArticle?[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            if (Paragraphed(texts[i], entities, breaks) is not { } text)
            {
                return;
            }
            var article = ArticleParser.Parse($"unlabelled-{i}", $"unlabelled-{i}.txt", text);
            var document = TextDocument.Analyze(article.Text, article.Paragraphs);
            var found = entities.Extract(document);
            var attributions = new List<FoundAttribution>();
            tagger.Tag(document, found, attributions);
            var gold = new List<GoldAttribution>(attributions.Count);
            foreach (var a in attributions)
            {
                var content = Array.ConvertAll(a.Parts, p => Span(document, p.Start, p.End));
                TextSpan[] source = [];
                if (a.SourceToken >= 0)
                {
                    int mention = found.MentionAtToken(a.SourceToken);
                    source = [mention >= 0 ? new TextSpan(found.Mentions[mention].Start, found.Mentions[mention].End) : Span(document, a.SourceToken, a.SourceToken + 1)];
                }
                gold.Add(new GoldAttribution(content, source, [Span(document, a.CueStart, a.CueEnd)]));
            }
            labelled[i] = new PolnearArticle($"unlabelled-{i:D5}", text, gold);
        });
        return [.. labelled.OfType<PolnearArticle>()];
    }

    private static TextSpan Span(TextDocument document, int firstToken, int endToken) =>
        new(document.Tokens[firstToken].Start, document.Tokens[endToken - 1].End);

    /// <summary>The article's paragraphs that hold a double quotation mark under a title line, or null when none does or the parser refuses it.</summary>
    private static string? Paragraphed(string text, EntityExtractor entities, LinearModel breaks)
    {
        Article article;
        try
        {
            article = ArticleParser.Parse("unlabelled", "unlabelled.txt", text);
        }
        catch (ArticleRejectedException)
        {
            return null;
        }
        var document = TextDocument.Analyze(article.Text, article.Paragraphs);
        var x = new AttributionText();
        x.Load(document, entities.Extract(document), QuotationMarks.Find(document));
        var kept = new StringBuilder(Title, text.Length + 64);
        bool any = false;
        foreach (var paragraph in NewsParagraphs.Split(x, breaks, new FeatureKeys()).Paragraphs)
        {
            var words = paragraph.Slice(article.Text).Trim();
            if (QuotationMarkStripper.HasMark(words))
            {
                kept.Append("\n\n").Append(words);
                any = true;
            }
        }
        return any ? kept.Append('\n').ToString() : null;
    }
}
