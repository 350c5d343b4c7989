using Pipeline.Evaluation;

namespace Pipeline.Tests.Evaluation;

/// <summary>News without annotations read where it lies (<see cref="NewsCorpus"/>): a CoNLL-2003 file's documents as articles.</summary>
public sealed class NewsCorpusTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("news-corpus-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_conll_file_gives_each_document_as_an_article_with_its_words_put_back_into_running_text()
    {
        string path = Path.Combine(folder, "eng.train");
        File.WriteAllText(path, Conll(
            "-DOCSTART-", "",
            "Bridge", "vote", "delayed", "", // the first sentence is the title line
            "\"", "We", "do", "n't", "have", "the", "money", "(", "yet", ")", ".", "", // a quotation over two sentences
            "It", "costs", "$", "5", "million", ",", "\"", "Reyes", "'s", "aide", "said", ".", "",
            "-DOCSTART-", "",
            "Scores", "", "Madrid", "2", "Milan", "1", ""));

        var articles = NewsCorpus.Read(path);

        Assert.Equal(
            [
                "Bridge vote delayed\n\"We don't have the money (yet). It costs $5 million,\" Reyes's aide said.\n",
                "Scores\nMadrid 2 Milan 1\n",
            ],
            articles);
    }

    [Fact]
    public void A_path_that_is_not_there_says_what_to_give()
    {
        var error = Assert.Throws<FileNotFoundException>(() => NewsCorpus.Read(Path.Combine(folder, "nothing")));
        Assert.Contains("a CNN/DailyMail JSONL, a folder of .txt articles or a CoNLL-2003 file", error.Message);
    }

    /// <summary>One word per line with CoNLL-2003's four columns; empty strings end sentences.</summary>
    private static string Conll(params string[] words) =>
        string.Join('\n', words.Select(w => w switch { "" => "", "-DOCSTART-" => "-DOCSTART- -X- O O", _ => $"{w} NN I-NP O" })) + "\n";
}
