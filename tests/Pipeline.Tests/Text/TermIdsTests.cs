using Pipeline.Text;

namespace Pipeline.Tests.Text;

public sealed class TermIdsTests
{
    [Fact]
    public void Each_word_gets_the_id_of_its_stem_and_punctuation_none()
    {
        var document = TextDocument.Analyze("The U.S. and us: running, runs; Runner 2024 ...");
        var ids = document.TermIds.ToArray();
        Assert.Equal(document.Tokens.Length, ids.Length);
        string[] words = document.Tokens.Select(t => document[t].ToString()).ToArray();
        int Id(string word) => ids[Array.IndexOf(words, word)];

        Assert.Equal(Id("U.S."), Id("us")); // letters and digits only, lower case
        Assert.Equal(Id("running"), Id("runs")); // one stem
        Assert.NotEqual(Id("running"), Id("Runner"));
        Assert.True(Id("2024") >= 0);
        Assert.Equal(-1, Id(":"));
        Assert.Equal(-1, Id("..."));
        Assert.Equal(TermVocabulary.IdOfSurface("Runner"), Id("Runner"));
        Assert.True(document.TermIds == document.TermIds); // looked up once, then the same array
    }
}
