using Pipeline.Articles;
using Pipeline.Evaluation.Summaries;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Tests.Summaries;

public sealed class KeyPhraseExtractorTests
{
    private static Article Seed()
    {
        var path = Pipeline.Tests.Infrastructure.Repository.SeedPath;
        return ArticleParser.Parse("seed", "seed.txt", File.ReadAllText(path));
    }

    private static IReadOnlyList<KeyPhrase> Phrases(Article article, int count = KeyPhraseExtractor.DefaultCount) =>
        new KeyPhraseExtractor().Extract(TextDocument.Analyze(article.Text, article.Paragraphs), article.Metadata, count);

    [Fact]
    public void The_seed_article_is_about_rafah_aid_and_its_leaders()
    {
        var texts = Phrases(Seed()).Select(p => p.Text).ToList();
        Assert.Equal(KeyPhraseExtractor.DefaultCount, texts.Count);
        Assert.Contains("Rafah", texts);
        Assert.Contains("humanitarian aid", texts);
        Assert.Contains("Benjamin Netanyahu", texts);
        Assert.Contains("Jake Sullivan", texts);
    }

    [Fact]
    public void Phrases_are_ranked_and_do_not_repeat_each_other()
    {
        var phrases = Phrases(Seed(), 20);
        for (int i = 1; i < phrases.Count; i++)
        {
            Assert.True(phrases[i - 1].Score >= phrases[i].Score);
        }
        var words = phrases.SelectMany(p => p.Text.ToLowerInvariant().Split(' ')).ToList();
        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.DoesNotContain(phrases, p => p.Text is "Netanyahu" or "Biden" or "President");
        Assert.All(phrases, p => Assert.True(p.Count >= 1));
    }

    [Fact]
    public void Lower_cased_tokenized_text_still_gives_noun_phrases()
    {
        var article = Seed();
        var body = string.Join("\n", article.Paragraphs.Select(p => article.Text[p.Start..p.End]));
        var lower = TokenizedCorpusSimulator.Convert(body);
        var texts = new KeyPhraseExtractor().Extract(TextDocument.Analyze(lower)).Select(p => p.Text).ToList();
        Assert.Contains("rafah", texts);
        Assert.Contains("humanitarian aid", texts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData(". , ; --")]
    public void Odd_input_gives_no_phrases_and_no_exception(string text) =>
        Assert.Empty(new KeyPhraseExtractor().Extract(TextDocument.Analyze(text)));

    [Fact]
    public void A_document_after_a_larger_one_on_the_same_thread_gets_the_phrases_it_gets_alone()
    {
        // The extractor keeps its tables for the next document on the thread: nothing of the last one may show.
        var seed = Seed();
        var small = TextDocument.Analyze(
            "Maria Lopez opened a bakery in Madrid. The bakery sells bread. Maria Lopez said the bakery will grow.");
        var alone = new KeyPhraseExtractor().Extract(small).Select(p => (p.Text, p.Count)).ToList();
        Phrases(Seed(), 20);
        var after = new KeyPhraseExtractor().Extract(small).Select(p => (p.Text, p.Count)).ToList();
        Assert.Equal(alone, after);
        Assert.Contains(("Maria Lopez", 2), after);
        Assert.DoesNotContain(after, p => p.Text.Contains("Rafah"));
    }

    [Fact]
    public void The_most_frequent_spelling_is_shown_and_a_noun_phrase_in_lower_case()
    {
        var document = TextDocument.Analyze(
            "Officials met in Kyiv on Monday. KYIV is calm, Kyiv residents said. Kyiv will host talks. " +
            "Families fear energy prices. Officials watch energy prices closely. Traders fear ENERGY PRICES.");
        var texts = new KeyPhraseExtractor().Extract(document).Select(p => p.Text).ToList();
        Assert.Contains("Kyiv", texts);
        Assert.DoesNotContain("KYIV", texts);
        Assert.Contains("energy prices", texts);
    }
}
