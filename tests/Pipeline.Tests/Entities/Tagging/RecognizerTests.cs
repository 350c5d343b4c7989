using System.Text;
using Pipeline.Text;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Tests.Entities.Tagging;

public class RecognizerTests(TinyModel tiny) : IClassFixture<TinyModel>
{
    private readonly PerceptronEntityRecognizer _recognizer = new(tiny.Model);

    [Fact]
    public void Training_learns_the_synthetic_corpus_and_the_file_scores_the_same()
    {
        Assert.True(tiny.Result.TuningScores.F1() > 0.95, tiny.Result.TuningScores.Format());
        var again = NerEvaluation.EvaluateFile(new PerceptronTagger(tiny.Model), Path.Combine(tiny.Directory, "eng.testa"));
        Assert.Equal(tiny.Result.TuningScores.F1(), again.F1(), 6);
    }

    [Fact]
    public void Prose_mentions_come_back_with_types_and_offsets()
    {
        var document = TextDocument.Analyze("John Smith of Acme Corp said in Paris.");
        var mentions = _recognizer.Recognize(document);
        Assert.Contains(mentions, m => m.Type == EntityType.Person && document.Text[m.Start..m.End] == "John Smith");
        Assert.Contains(mentions, m => m.Type == EntityType.Location && document.Text[m.Start..m.End] == "Paris");
    }

    public static TheoryData<string> HostileTexts() => new()
    {
        "",
        "   \n\n  \t ",
        "JOHN SMITH OF ACME CORP SAID IN PARIS ON MONDAY THAT THE MARKETS WERE CALM",
        "john smith of acme corp said in paris on monday",
        "\0\0\0 John\0Smith \0",
        "😀 John 👍🏽 Smith 🇫🇷 in Paris 🏳️‍🌈",
        "قال جون سميث في باريس يوم الاثنين إن الأسواق هادئة",
        "שלום John Smith עולם",
        "\uD800 lone surrogate \uDFFF John \uFFFF Smith",
        new string('.', 5000),
        "A" + new string('-', 3000) + "B",
        string.Concat(Enumerable.Repeat("Paris ", 20000)),
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Never_throws_and_returns_valid_mentions(string text)
    {
        var document = TextDocument.Analyze(text);
        AssertValid(document, _recognizer.Recognize(document));
    }

    [Fact]
    public void A_megabyte_without_a_sentence_end_is_tagged()
    {
        var text = new StringBuilder();
        while (text.Length < 1 << 20)
        {
            text.Append("John Smith of Acme Corp met Mary Jones in Paris and ");
        }
        var document = TextDocument.Analyze(text.ToString());
        var mentions = _recognizer.Recognize(document);
        AssertValid(document, mentions);
        Assert.True(mentions.Length > 1000);
    }

    [Fact]
    public void Tokens_outside_the_text_do_not_make_it_throw()
    {
        Token[] tokens = [new(0, 4, TokenKind.Word), new(50, 10, TokenKind.Word), new(-3, 2, TokenKind.Word)];
        var document = TextDocument.FromTokens("John", [new TextSpan(0, 4)], tokens, [0], [new Sentence(0, 4, 0, 3, 0), new Sentence(0, 0, 2, 40, 0)]);
        AssertValid(document, _recognizer.Recognize(document));
    }

    [Fact]
    public void Concurrent_calls_give_the_same_mentions_as_sequential_ones()
    {
        var documents = new TextDocument[16];
        for (int i = 0; i < documents.Length; i++)
        {
            var text = new StringBuilder();
            for (int s = 0; s < 50 + i * 20; s++)
            {
                text.Append(s % 2 == 0 ? "John Smith of Acme Corp said in Paris. " : "In Berlin, Mary Jones met the press.\n");
            }
            documents[i] = TextDocument.Analyze(text.ToString());
        }
        var expected = documents.Select(_recognizer.Recognize).ToArray();
        var actual = new EntityMention[documents.Length][];
        Parallel.For(0, documents.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            actual[i % documents.Length] = _recognizer.Recognize(documents[i % documents.Length]);
        });
        for (int i = 0; i < documents.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Model_survives_a_save_and_load_and_refuses_other_files()
    {
        using var stream = new MemoryStream();
        tiny.Model.Save(stream);
        stream.Position = 0;
        var reloaded = PerceptronEntityRecognizer.Load(stream);
        var document = TextDocument.Analyze("In Cairo, Anna Berg met the press.");
        Assert.Equal(_recognizer.Recognize(document), reloaded.Recognize(document));

        Assert.Throws<InvalidDataException>(() => PerceptronTaggerModel.Load(new MemoryStream("not a model"u8.ToArray())));
        var bytes = stream.ToArray();
        bytes[4] = 99; // another format version
        Assert.Throws<InvalidDataException>(() => PerceptronTaggerModel.Load(new MemoryStream(bytes)));
    }

    private static void AssertValid(TextDocument document, EntityMention[] mentions)
    {
        int previousEnd = 0;
        foreach (var mention in mentions)
        {
            Assert.True(mention.FirstToken >= previousEnd && mention.TokenCount > 0 && mention.EndToken <= document.Tokens.Length);
            Assert.True(mention.Start >= 0 && mention.End <= document.Text.Length && mention.Start <= mention.End);
            Assert.True((int)mention.Type <= (int)EntityType.Misc);
            previousEnd = mention.EndToken;
        }
    }
}
