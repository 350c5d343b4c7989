using Pipeline.Evaluation.Bench;

namespace Pipeline.Tests.Bench;

public sealed class BenchCorpusTests
{
    [Fact]
    public void A_folder_of_text_articles_is_read_in_name_order_with_its_paragraphs_and_cycled()
    {
        var folder = Directory.CreateTempSubdirectory("bench-corpus-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "b.txt"), "Second article.\n\nIts second paragraph.");
            File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "First article.");
            File.WriteAllText(Path.Combine(folder.FullName, "notes.md"), "Not an article.");

            var corpus = BenchCorpus.Load(folder.FullName, 3);

            Assert.Equal(["First article.", "Second article.\n\nIts second paragraph.", "First article."], corpus.Articles);
            Assert.Equal(2 + 5 + 2, corpus.Words);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_folder_without_text_articles_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("bench-corpus-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => BenchCorpus.Load(folder.FullName, 1));
            Assert.Contains("holds no articles", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
